/**
 * Named schedules that invoke a target later (EventBridge Scheduler in AWS, the local cloud's emulator
 * offline). A schedule lives in the stack's schedule group (the adapter's configuration) under a name the
 * caller chooses from a business id, so `upsert` is idempotent: the same name creates the schedule the first
 * time and replaces its expression, target and input afterwards (never a second schedule). `delete` of a
 * schedule that does not exist is success.
 *
 * Expressions are EventBridge Scheduler's (build them with `#domain/schedule-expression`):
 * - `cron(minutes hours day-of-month month day-of-week year)`, e.g. `cron(0 9 ? * MON *)` every Monday 09:00;
 * - `rate(1 day)`;
 * - `at(2027-01-10T09:00:00)`, one time, a wall-clock time in `timezone`.
 * Cron and `at` are evaluated in `timezone` (IRIS: `America/Sao_Paulo`, so 09:00 is 09:00 in São Paulo).
 *
 * The target receives `input` as its event: a Lambda function is invoked asynchronously with it; a state
 * machine is started with it as the execution input. Delivery is at least once: a target must make a replayed
 * firing harmless (key its effect on a business id carried in `input`).
 */

export interface ScheduleTarget {
  /** ARN of a Lambda function (`arn:aws:lambda:…:function:…`) or a state machine (`arn:aws:states:…`). */
  readonly arn: string;
}

export interface ScheduleDefinition {
  /** Unique within the group: 1-64 of `[0-9a-zA-Z-_.]`. */
  readonly name: string;
  /** `cron(…)`, `rate(…)` or `at(…)` (see above). */
  readonly expression: string;
  /** IANA time zone of the cron / `at` wall-clock times. */
  readonly timezone: string;
  readonly target: ScheduleTarget;
  /** The event the target receives (JSON). */
  readonly input: Record<string, unknown>;
  readonly description?: string;
  /** No firing before this instant (cron / rate). */
  readonly startDate?: Date;
  /** No firing after this instant (cron / rate). */
  readonly endDate?: Date;
}

export interface ScheduleSummary {
  readonly name: string;
  readonly expression: string;
  readonly timezone: string;
  readonly targetArn: string;
  readonly input: Record<string, unknown>;
}

export interface Schedules {
  /** Creates the named schedule, or replaces it if it exists. */
  upsert(schedule: ScheduleDefinition): Promise<void>;
  /** Deletes the named schedule; absent already is success. */
  delete(name: string): Promise<void>;
  /** The named schedule, or undefined. */
  get(name: string): Promise<ScheduleSummary | undefined>;
}

/** The scheduler could not be reached or refused the request (retryable unless the definition is invalid). */
export class SchedulesUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SchedulesUnavailableError';
  }
}

/** The scheduler rejected the definition (bad name, expression, time zone or target): a bug upstream. */
export class InvalidScheduleError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InvalidScheduleError';
  }
}
