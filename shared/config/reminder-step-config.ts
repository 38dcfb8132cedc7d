import * as z from 'zod/mini';
import {
  baseConfigOf,
  type FollowUpBaseConfig,
  type PaytimeApiConfig,
  paytimeApiConfigOf,
} from './follow-up-env';
import { type Env, nonEmpty, parseEnv } from './process-env';

export interface ReminderStepConfig extends FollowUpBaseConfig {
  /** Absent when the stack gives the step no Paytime access: then reminders are sent from the table alone. */
  paytime?: PaytimeApiConfig;
  reminderStateMachineArn?: string;
}

/** `functions/reminder-step`: TABLE_NAME, IRIS_TENANT_ID, IRIS_TENANT_SETTINGS, optionally Paytime's API. */
export async function loadReminderStepConfig(env: Env): Promise<ReminderStepConfig> {
  const base = baseConfigOf(env, 'reminder step configuration');
  const arn = parseEnv(
    z.object({ REMINDER_STATE_MACHINE_ARN: z.optional(nonEmpty()) }),
    env,
    'reminder step configuration',
  ).REMINDER_STATE_MACHINE_ARN;
  const paytime = await paytimeApiConfigOf(env);
  return { ...base, ...(paytime ? { paytime } : {}), ...(arn ? { reminderStateMachineArn: arn } : {}) };
}
