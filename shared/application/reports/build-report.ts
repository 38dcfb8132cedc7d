import { boletoAging } from '#application/boletos/boleto-aging';
import type { BoletoRepository } from '#application/ports/boleto-repository';
import type { TenantRepository } from '#application/ports/tenant-repository';
import type { CalendarDate } from '#domain/calendar-date';
import { type ReportContent, reportContent } from '#domain/report-content';
import { periodMonth, type ReportPeriod } from '#domain/report-period';
import type { ReportSources } from './report-sources';

export interface BuildReportDependencies {
  sources: ReportSources;
  boletos: Pick<BoletoRepository, 'listOpen'>;
  tenants: Pick<TenantRepository, 'getProfile'>;
}

/** Reads what a report needs for the period and computes its figures (`#domain/report-content`). */
export async function buildReport(
  deps: BuildReportDependencies,
  input: { tenantId: string; period: ReportPeriod; asOf: CalendarDate },
): Promise<ReportContent> {
  const { tenantId, period, asOf } = input;
  const [entries, budgets, { boletos, contactNames }, aging, profile] = await Promise.all([
    deps.sources.ledgerEntries(tenantId, period),
    deps.sources.budgets(tenantId, periodMonth(period)),
    deps.sources.boletos(tenantId),
    boletoAging(deps, { tenantId, today: asOf }),
    deps.tenants.getProfile(tenantId),
  ]);
  return reportContent({
    tenantName: profile?.name ?? tenantId,
    period,
    asOf,
    entries,
    boletos,
    budgets,
    aging,
    contactName: (contactId) => contactNames.get(contactId) ?? 'contato removido',
  });
}
