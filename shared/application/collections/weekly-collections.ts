import type { Schedules } from '#application/ports/schedules';
import type { OwnerMessageInput } from '#application/ports/workflows';
import {
  addDays,
  type CalendarDate,
  SAO_PAULO_TIME_ZONE,
  saoPauloDateOf,
  saoPauloInstant,
  weekdayOf,
} from '#domain/calendar-date';
import { atExpression } from '#domain/schedule-expression';

/**
 * The optional weekly collections run of a tenant ("manda as cobranças por e-mail toda segunda"): one Scheduler
 * schedule (`collections-weekly-<tenant>`), a one-time `at()` on the next Monday at 09:00 São Paulo, re-armed by
 * each run for the following Monday (the recurring plans' pattern: an `at()` carries the run's date, so each
 * firing is a distinct conversation and a replayed one finds its e-mails already queued). Its target is the
 * conversation state machine, started with a `collections_run` message from the owner who agreed to it.
 */

export interface WeeklyCollectionsPorts {
  schedules: Schedules;
  /** The conversation state machine: each firing starts it with the run's message. */
  conversationStateMachineArn: string;
}

export const WEEKLY_RUN_WEEKDAY = 1; // Monday
export const WEEKLY_RUN_HOUR = 9;

export function weeklyScheduleName(tenantId: string): string {
  return `collections-weekly-${tenantId.replace(/[^0-9a-zA-Z\-_.]/g, '_')}`.slice(0, 64);
}

/** The first Monday 09:00 (São Paulo) strictly after `now`. */
export function nextWeeklyRun(now: Date): CalendarDate {
  const today = saoPauloDateOf(now);
  for (let offset = 0; offset <= 7; offset++) {
    const day = addDays(today, offset);
    if (weekdayOf(day) !== WEEKLY_RUN_WEEKDAY) continue;
    if (saoPauloInstant(day, WEEKLY_RUN_HOUR).getTime() > now.getTime()) return day;
  }
  return addDays(today, 7);
}

export function weeklyRunMessage(ownerPhone: string, runDate: CalendarDate): OwnerMessageInput {
  return {
    messageId: `collections-run-${runDate}`,
    from: ownerPhone,
    content: { type: 'collections_run', runDate },
    receivedAt: saoPauloInstant(runDate, WEEKLY_RUN_HOUR).toISOString(),
  };
}

/** Creates or moves the tenant's one weekly schedule to the next Monday after `now`. */
export async function armWeeklyCollections(
  ports: WeeklyCollectionsPorts,
  input: { tenantId: string; ownerPhone: string; now: Date },
): Promise<CalendarDate> {
  const runDate = nextWeeklyRun(input.now);
  await ports.schedules.upsert({
    name: weeklyScheduleName(input.tenantId),
    expression: atExpression(runDate, WEEKLY_RUN_HOUR),
    timezone: SAO_PAULO_TIME_ZONE,
    target: { arn: ports.conversationStateMachineArn },
    input: { tenantId: input.tenantId, message: weeklyRunMessage(input.ownerPhone, runDate) },
    description: `IRIS weekly collection e-mails of ${input.tenantId}`,
  });
  return runDate;
}

/** Removes the schedule; false when there was none. */
export async function stopWeeklyCollections(
  ports: WeeklyCollectionsPorts,
  tenantId: string,
): Promise<boolean> {
  const name = weeklyScheduleName(tenantId);
  if (!(await ports.schedules.get(name))) return false;
  await ports.schedules.delete(name);
  return true;
}
