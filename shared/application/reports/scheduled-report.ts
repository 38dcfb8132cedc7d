import { ownerPhones } from '#application/outbox/add-to-outbox';
import type { GeneratedReport } from '#application/ports/report-repository';
import type { UserRepository } from '#application/ports/user-repository';
import { saoPauloDateOf } from '#domain/calendar-date';
import {
  firstBusinessDayOfMonth,
  periodKey,
  previousMonthPeriod,
  previousWeekPeriod,
  type ReportCadence,
} from '#domain/report-period';
import { type SendReportDependencies, sendReport } from './send-report';

export type ScheduledReportOutcome =
  | { sent: true; report: GeneratedReport }
  | { sent: false; reason: 'not_first_business_day' | 'no_owner' };

/**
 * A firing of the tenant's report schedule. Monthly: only on the month's first business day, last month's
 * report; weekly: last Monday-to-Sunday. The report id is the period (`schedule-2026-11`), so a retried or
 * duplicated firing sends nothing twice.
 */
export async function runScheduledReport(
  deps: SendReportDependencies & { users: Pick<UserRepository, 'list'> },
  input: { tenantId: string; cadence: ReportCadence; email?: string },
): Promise<ScheduledReportOutcome> {
  const today = saoPauloDateOf(deps.clock.now());
  if (input.cadence === 'monthly' && today !== firstBusinessDayOfMonth(today)) {
    return { sent: false, reason: 'not_first_business_day' };
  }
  const recipients = await ownerPhones(deps.users, input.tenantId);
  if (recipients.length === 0 && !input.email) return { sent: false, reason: 'no_owner' };
  const period = input.cadence === 'monthly' ? previousMonthPeriod(today) : previousWeekPeriod(today);
  const reportId = `schedule-${periodKey(period)}`;
  const { report } = await sendReport(deps, {
    tenantId: input.tenantId,
    reportId,
    period,
    trigger: 'schedule',
    recipients,
    ...(input.email && { email: input.email }),
    correlationId: reportId,
  });
  return { sent: true, report };
}
