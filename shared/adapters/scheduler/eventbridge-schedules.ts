import {
  ConflictException,
  CreateScheduleCommand,
  type CreateScheduleCommandInput,
  DeleteScheduleCommand,
  GetScheduleCommand,
  ResourceNotFoundException,
  SchedulerClient,
  UpdateScheduleCommand,
  ValidationException,
} from '@aws-sdk/client-scheduler';
import {
  InvalidScheduleError,
  type ScheduleDefinition,
  type ScheduleSummary,
  type Schedules,
  SchedulesUnavailableError,
} from '#application/ports/schedules';

/**
 * `Schedules` over EventBridge Scheduler (`@aws-sdk/client-scheduler`), in AWS and against the local cloud's
 * emulator (`AWS_ENDPOINT_URL_SCHEDULER`). Every schedule is in one group (the stack's) and is assumed by one
 * role (the stack's `ScheduleGroup` construct: allowed to invoke the stack's targets only).
 *
 * Upsert = UpdateSchedule, and CreateSchedule when the schedule does not exist yet (a create that races
 * another create and answers Conflict is retried as an update): the name is the idempotency key. Delete of an
 * absent schedule is success. A ValidationException becomes `InvalidScheduleError`; anything else
 * `SchedulesUnavailableError` (retryable). Targets get bounded retries and, if configured, a dead-letter queue.
 */

export interface EventBridgeSchedulesOptions {
  groupName: string;
  /** The role Scheduler assumes to invoke targets (`SCHEDULER_ROLE_ARN`). */
  roleArn: string;
  /** Where an invocation that exhausted its retries is described (an SQS queue ARN). */
  deadLetterQueueArn?: string;
  client?: SchedulerClient;
}

/** Retries of a failed target invocation, and how old an event may get before it is dropped (DLQ). */
export const SCHEDULE_TARGET_RETRY = { maximumRetryAttempts: 3, maximumEventAgeInSeconds: 7_200 } as const;

export class EventBridgeSchedules implements Schedules {
  private readonly client: SchedulerClient;

  constructor(private readonly options: EventBridgeSchedulesOptions) {
    this.client = options.client ?? new SchedulerClient({});
  }

  async upsert(schedule: ScheduleDefinition): Promise<void> {
    const input = this.requestOf(schedule);
    try {
      await this.client.send(new UpdateScheduleCommand(input));
      return;
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw this.translate(error, schedule.name);
    }
    try {
      await this.client.send(new CreateScheduleCommand(input));
    } catch (error) {
      if (!(error instanceof ConflictException)) throw this.translate(error, schedule.name);
      try {
        await this.client.send(new UpdateScheduleCommand(input));
      } catch (retryError) {
        throw this.translate(retryError, schedule.name);
      }
    }
  }

  async delete(name: string): Promise<void> {
    try {
      await this.client.send(new DeleteScheduleCommand({ Name: name, GroupName: this.options.groupName }));
    } catch (error) {
      if (error instanceof ResourceNotFoundException) return;
      throw this.translate(error, name);
    }
  }

  async get(name: string): Promise<ScheduleSummary | undefined> {
    try {
      const found = await this.client.send(
        new GetScheduleCommand({ Name: name, GroupName: this.options.groupName }),
      );
      return {
        name,
        expression: found.ScheduleExpression ?? '',
        timezone: found.ScheduleExpressionTimezone ?? 'UTC',
        targetArn: found.Target?.Arn ?? '',
        input: found.Target?.Input ? (JSON.parse(found.Target.Input) as Record<string, unknown>) : {},
      };
    } catch (error) {
      if (error instanceof ResourceNotFoundException) return undefined;
      throw this.translate(error, name);
    }
  }

  private requestOf(schedule: ScheduleDefinition): CreateScheduleCommandInput {
    const { deadLetterQueueArn } = this.options;
    return {
      Name: schedule.name,
      GroupName: this.options.groupName,
      ScheduleExpression: schedule.expression,
      ScheduleExpressionTimezone: schedule.timezone,
      ...(schedule.description && { Description: schedule.description }),
      ...(schedule.startDate && { StartDate: schedule.startDate }),
      ...(schedule.endDate && { EndDate: schedule.endDate }),
      State: 'ENABLED',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'NONE',
      Target: {
        Arn: schedule.target.arn,
        RoleArn: this.options.roleArn,
        Input: JSON.stringify(schedule.input),
        RetryPolicy: {
          MaximumRetryAttempts: SCHEDULE_TARGET_RETRY.maximumRetryAttempts,
          MaximumEventAgeInSeconds: SCHEDULE_TARGET_RETRY.maximumEventAgeInSeconds,
        },
        ...(deadLetterQueueArn && { DeadLetterConfig: { Arn: deadLetterQueueArn } }),
      },
    };
  }

  private translate(error: unknown, name: string): Error {
    const detail = error instanceof Error ? error.message : String(error);
    if (error instanceof ValidationException) {
      return new InvalidScheduleError(`schedule ${name} rejected: ${detail}`, { cause: error });
    }
    return new SchedulesUnavailableError(`schedule ${name}: ${detail}`, { cause: error });
  }
}
