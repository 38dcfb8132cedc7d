import { AwsServiceError } from '../aws-service-error';
import type { VirtualClock } from '../virtual-clock';
import {
  assertTimeZone,
  nextFiring,
  type ParsedExpression,
  parseScheduleExpression,
} from './schedule-expression-evaluator';

/**
 * EventBridge Scheduler on the local cloud's virtual clock: schedule groups, schedules (create, update, get,
 * delete, list) and their firings. Each schedule sleeps on the clock until its next firing, then invokes its
 * target with its input (a registered Lambda handler or state machine, by ARN), retrying a failed invocation
 * as its retry policy says and recording it as dead-lettered after the last attempt. `advance` past a firing
 * runs it at its virtual time, in time order with everything else the clock wakes.
 *
 * Updating or deleting a schedule cancels its pending firing; an invocation already under way finishes (so a
 * target may update its own schedule, e.g. re-arm a one-time schedule for next month).
 */

export type ScheduleTargetInvoker = (input: unknown) => Promise<void>;

export interface LocalScheduleTarget {
  Arn: string;
  RoleArn: string;
  Input?: string;
  RetryPolicy?: { MaximumRetryAttempts?: number; MaximumEventAgeInSeconds?: number };
  DeadLetterConfig?: { Arn?: string };
}

export interface LocalSchedule {
  Name: string;
  GroupName: string;
  Arn: string;
  ScheduleExpression: string;
  ScheduleExpressionTimezone: string;
  Description?: string;
  StartDate?: Date;
  EndDate?: Date;
  State: 'ENABLED' | 'DISABLED';
  ActionAfterCompletion: 'NONE' | 'DELETE';
  FlexibleTimeWindow: { Mode: string; MaximumWindowInMinutes?: number };
  Target: LocalScheduleTarget;
  CreationDate: Date;
  LastModificationDate: Date;
}

export interface ScheduleFiring {
  group: string;
  name: string;
  at: Date;
  targetArn: string;
  input: unknown;
  attempts: number;
  outcome: 'succeeded' | 'dead-lettered';
  error?: string;
}

export interface LocalSchedulerOptions {
  clock: VirtualClock;
  region: string;
  accountId: string;
  onError?: (firing: ScheduleFiring) => void;
}

interface Armed {
  schedule: LocalSchedule;
  parsed: ParsedExpression;
  stopper: AbortController;
}

const NAME = /^[0-9a-zA-Z\-_.]{1,64}$/;

export class LocalScheduler {
  private readonly groups = new Map<string, Date>([['default', new Date(0)]]);
  private readonly schedules = new Map<string, Armed>();
  private readonly targets = new Map<string, ScheduleTargetInvoker>();
  private readonly inFlight = new Set<Promise<void>>();
  readonly firings: ScheduleFiring[] = [];

  constructor(private readonly options: LocalSchedulerOptions) {}

  registerTarget(arn: string, invoke: ScheduleTargetInvoker): void {
    this.targets.set(arn, invoke);
  }

  createGroup(name: string): string {
    if (!NAME.test(name)) throw new AwsServiceError('ValidationException', `Invalid group name ${name}`);
    if (this.groups.has(name))
      throw new AwsServiceError('ConflictException', `Group ${name} already exists`, { status: 409 });
    this.groups.set(name, this.options.clock.now());
    return this.groupArn(name);
  }

  groupNames(): string[] {
    return [...this.groups.keys()];
  }

  hasGroup(name: string): boolean {
    return this.groups.has(name);
  }

  groupArn(name: string): string {
    return `arn:aws:scheduler:${this.options.region}:${this.options.accountId}:schedule-group/${name}`;
  }

  deleteGroup(name: string): void {
    if (!this.groups.has(name) || name === 'default')
      throw notFound(`Schedule group ${name} does not exist.`);
    for (const armed of [...this.schedules.values()]) {
      if (armed.schedule.GroupName === name) this.delete(name, armed.schedule.Name);
    }
    this.groups.delete(name);
  }

  put(
    mode: 'create' | 'update',
    definition: Omit<LocalSchedule, 'Arn' | 'CreationDate' | 'LastModificationDate'>,
  ): string {
    const { Name, GroupName } = definition;
    if (!NAME.test(Name)) throw new AwsServiceError('ValidationException', `Invalid schedule name ${Name}`);
    if (!this.groups.has(GroupName)) throw notFound(`Schedule group ${GroupName} does not exist.`);
    assertTimeZone(definition.ScheduleExpressionTimezone);
    const parsed = parseScheduleExpression(definition.ScheduleExpression);
    if (!definition.Target?.Arn || !definition.Target.RoleArn) {
      throw new AwsServiceError('ValidationException', 'Target.Arn and Target.RoleArn are required');
    }
    const key = keyOf(GroupName, Name);
    const existing = this.schedules.get(key);
    if (mode === 'create' && existing) {
      throw new AwsServiceError('ConflictException', `Schedule ${Name} already exists.`, { status: 409 });
    }
    if (mode === 'update' && !existing) throw notFound(`Schedule ${Name} does not exist.`);
    existing?.stopper.abort();
    const now = this.options.clock.now();
    const schedule: LocalSchedule = {
      ...definition,
      Arn: `arn:aws:scheduler:${this.options.region}:${this.options.accountId}:schedule/${GroupName}/${Name}`,
      CreationDate: existing?.schedule.CreationDate ?? now,
      LastModificationDate: now,
    };
    const armed: Armed = { schedule, parsed, stopper: new AbortController() };
    this.schedules.set(key, armed);
    if (schedule.State === 'ENABLED') void this.run(armed);
    return schedule.Arn;
  }

  get(group: string, name: string): LocalSchedule {
    const armed = this.schedules.get(keyOf(group, name));
    if (!armed) throw notFound(`Schedule ${name} does not exist.`);
    return armed.schedule;
  }

  delete(group: string, name: string): void {
    const key = keyOf(group, name);
    const armed = this.schedules.get(key);
    if (!armed) throw notFound(`Schedule ${name} does not exist.`);
    armed.stopper.abort();
    this.schedules.delete(key);
  }

  list(filter: { group?: string; namePrefix?: string; state?: string } = {}): LocalSchedule[] {
    return [...this.schedules.values()]
      .map(({ schedule }) => schedule)
      .filter(
        (schedule) =>
          (!filter.group || schedule.GroupName === filter.group) &&
          (!filter.namePrefix || schedule.Name.startsWith(filter.namePrefix)) &&
          (!filter.state || schedule.State === filter.state),
      )
      .sort((a, b) => a.Name.localeCompare(b.Name));
  }

  /** The next firing of a schedule, if it has one. */
  nextFiringOf(group: string, name: string): Date | undefined {
    const armed = this.schedules.get(keyOf(group, name));
    return armed ? this.nextOf(armed, this.options.clock.now()) : undefined;
  }

  /** Resolves once no invocation is under way. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Every schedule stops waiting (their targets are not invoked again). */
  dispose(): void {
    for (const armed of this.schedules.values()) armed.stopper.abort();
  }

  private nextOf(armed: Armed, after: Date): Date | undefined {
    const { schedule, parsed } = armed;
    return nextFiring(parsed, schedule.ScheduleExpressionTimezone, after, {
      anchor: schedule.LastModificationDate,
      ...(schedule.StartDate && { startDate: schedule.StartDate }),
      ...(schedule.EndDate && { endDate: schedule.EndDate }),
    });
  }

  private async run(armed: Armed): Promise<void> {
    const { clock } = this.options;
    const signal = armed.stopper.signal;
    // A one-time schedule fires once, even if its time is already past when it is created.
    let after = armed.parsed.kind === 'at' ? new Date(0) : clock.now();
    while (!signal.aborted) {
      const next = this.nextOf(armed, after);
      if (!next) return;
      try {
        await clock.sleepUntil(next, signal);
      } catch {
        return; // updated or deleted
      }
      // Recorded at its scheduled instant (Scheduler's precision is a minute; real time creeps into virtual now).
      const firing = this.fire(armed.schedule, next);
      this.inFlight.add(firing);
      await firing.finally(() => this.inFlight.delete(firing));
      if (armed.parsed.kind === 'at') {
        if (armed.schedule.ActionAfterCompletion === 'DELETE' && !signal.aborted) {
          this.schedules.delete(keyOf(armed.schedule.GroupName, armed.schedule.Name));
        }
        return;
      }
      after = next;
    }
  }

  private async fire(schedule: LocalSchedule, at: Date): Promise<void> {
    const { Target } = schedule;
    const input = Target.Input === undefined ? {} : JSON.parse(Target.Input);
    const maxAttempts = 1 + (Target.RetryPolicy?.MaximumRetryAttempts ?? 185);
    const invoke = this.targets.get(Target.Arn);
    let lastError = invoke ? '' : `no local target registered for ${Target.Arn}`;
    let attempts = 0;
    while (invoke && attempts < Math.min(maxAttempts, 4)) {
      attempts += 1;
      try {
        await invoke(structuredClone(input));
        this.firings.push({
          group: schedule.GroupName,
          name: schedule.Name,
          at,
          targetArn: Target.Arn,
          input,
          attempts,
          outcome: 'succeeded',
        });
        return;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
      }
    }
    const failed: ScheduleFiring = {
      group: schedule.GroupName,
      name: schedule.Name,
      at,
      targetArn: Target.Arn,
      input,
      attempts,
      outcome: 'dead-lettered',
      error: lastError,
    };
    this.firings.push(failed);
    this.options.onError?.(failed);
  }
}

function keyOf(group: string, name: string): string {
  return `${group}/${name}`;
}

function notFound(message: string): AwsServiceError {
  return new AwsServiceError('ResourceNotFoundException', message, { status: 404 });
}
