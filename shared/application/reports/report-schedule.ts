import type { Schedules } from '#application/ports/schedules';
import { SAO_PAULO_TIME_ZONE } from '#domain/calendar-date';
import { InvalidInputError } from '#domain/domain-error';
import type { ReportCadence } from '#domain/report-period';
import { cronExpression } from '#domain/schedule-expression';

/** São Paulo wall-clock time the report goes out (before the working day starts). */
export const REPORT_TIME = { hour: 8, minute: 0 } as const;

/** The event the report function receives from the tenant's schedule. */
export interface ReportScheduleEvent {
  source: 'iris.report';
  tenantId: string;
  cadence: ReportCadence;
}

export interface ReportScheduleDependencies {
  schedules: Schedules;
  /** The report function (the schedule's target). */
  reportFunctionArn: string;
}

/** One schedule per tenant; its name is the idempotency key of every change. */
export function reportScheduleName(tenantId: string): string {
  const name = `report-${tenantId}`;
  if (!/^[0-9a-zA-Z\-_.]{1,64}$/.test(name))
    throw new InvalidInputError(`no schedule name for tenant ${tenantId}`);
  return name;
}

/**
 * Monthly: the first business day is one of days 1-7 (FEBRABAN holidays never close a whole week), so the
 * schedule fires at 08:00 on each of them and the report function sends only on the first business day
 * (Scheduler cron has no business-day calendar). Weekly: every Monday at 08:00, last week's figures.
 */
export function reportScheduleExpression(cadence: ReportCadence): string {
  return cadence === 'monthly'
    ? cronExpression({ ...REPORT_TIME, dayOfMonth: { from: 1, to: 7 } })
    : cronExpression({ ...REPORT_TIME, weekday: 'MON' });
}

/** Creates or replaces the tenant's report schedule (idempotent: same name, same definition). */
export async function setReportCadence(
  deps: ReportScheduleDependencies,
  input: { tenantId: string; cadence: ReportCadence },
): Promise<void> {
  const event: ReportScheduleEvent = {
    source: 'iris.report',
    tenantId: input.tenantId,
    cadence: input.cadence,
  };
  await deps.schedules.upsert({
    name: reportScheduleName(input.tenantId),
    expression: reportScheduleExpression(input.cadence),
    timezone: SAO_PAULO_TIME_ZONE,
    target: { arn: deps.reportFunctionArn },
    input: { ...event },
    description: `IRIS ${input.cadence} report for ${input.tenantId}`,
  });
}

/** The tenant's current cadence, or undefined when no report schedule exists. */
export async function reportCadenceOf(
  deps: Pick<ReportScheduleDependencies, 'schedules'>,
  tenantId: string,
): Promise<ReportCadence | undefined> {
  const schedule = await deps.schedules.get(reportScheduleName(tenantId));
  const cadence = schedule?.input.cadence;
  return cadence === 'monthly' || cadence === 'weekly' ? cadence : undefined;
}

/** Creates the monthly schedule when the tenant has none (a first start); an owner's choice is kept. */
export async function ensureReportSchedule(
  deps: ReportScheduleDependencies,
  tenantId: string,
): Promise<void> {
  if (await reportCadenceOf(deps, tenantId)) return;
  await setReportCadence(deps, { tenantId, cadence: 'monthly' });
}
