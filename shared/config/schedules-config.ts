import { SchedulerClient } from '@aws-sdk/client-scheduler';
import * as z from 'zod/mini';
import { EventBridgeSchedules } from '#adapters/scheduler/eventbridge-schedules';
import type { Schedules } from '#application/ports/schedules';
import { type Env, parseEnv } from './process-env';

/**
 * The `Schedules` a function that manages run-time schedules is composed with, from the variables
 * `manageSchedules` (infra/constructs/function-access.ts) sets: the group, the role Scheduler assumes, the
 * dead-letter queue. The client finds the local cloud's emulator through the SDK's standard
 * `AWS_ENDPOINT_URL_SCHEDULER` (nothing to set in AWS).
 */

export interface SchedulesConfig {
  groupName: string;
  roleArn: string;
  deadLetterQueueArn?: string;
}

const schema = z.object({
  SCHEDULE_GROUP_NAME: z.string().check(z.regex(/^[0-9a-zA-Z\-_.]{1,64}$/)),
  SCHEDULER_ROLE_ARN: z.string().check(z.regex(/^arn:aws[\w-]*:iam::\d{12}:role\/\S+$/)),
  SCHEDULE_DEAD_LETTER_QUEUE_ARN: z.optional(z.string().check(z.regex(/^arn:aws[\w-]*:sqs:\S+$/))),
});

export function loadSchedulesConfig(env: Env): SchedulesConfig {
  const parsed = parseEnv(schema, env, 'schedules configuration');
  return {
    groupName: parsed.SCHEDULE_GROUP_NAME,
    roleArn: parsed.SCHEDULER_ROLE_ARN,
    ...(parsed.SCHEDULE_DEAD_LETTER_QUEUE_ARN && {
      deadLetterQueueArn: parsed.SCHEDULE_DEAD_LETTER_QUEUE_ARN,
    }),
  };
}

/** One adapter per function, built at module scope by its composition. */
export function composeSchedules(
  config: SchedulesConfig,
  client: SchedulerClient = new SchedulerClient({}),
): Schedules {
  return new EventBridgeSchedules({ ...config, client });
}
