import * as z from 'zod/mini';
import {
  baseConfigOf,
  type FollowUpBaseConfig,
  type PaytimeApiConfig,
  paytimeApiConfigOf,
} from './follow-up-env';
import { ConfigurationError, type Env, nonEmpty, parseEnv } from './process-env';

export interface PaytimeFollowUpConfig extends FollowUpBaseConfig {
  paytime: PaytimeApiConfig;
  reminderStateMachineArn: string;
}

/**
 * `functions/paytime-event-processor` and `functions/reconciliation`: the table, Paytime's API (required:
 * they re-read every boleto there) and the reminder loop's state machine (to stop a settled boleto's loop).
 */
export async function loadPaytimeFollowUpConfig(env: Env, what: string): Promise<PaytimeFollowUpConfig> {
  const base = baseConfigOf(env, what);
  const { REMINDER_STATE_MACHINE_ARN } = parseEnv(
    z.object({ REMINDER_STATE_MACHINE_ARN: nonEmpty() }),
    env,
    what,
  );
  const paytime = await paytimeApiConfigOf(env);
  if (!paytime) throw new ConfigurationError(`${what}: PAYTIME_BASE_URL is required`);
  return { ...base, paytime, reminderStateMachineArn: REMINDER_STATE_MACHINE_ARN };
}

export function loadPaytimeEventProcessorConfig(env: Env): Promise<PaytimeFollowUpConfig> {
  return loadPaytimeFollowUpConfig(env, 'Paytime event processor configuration');
}
