import * as z from 'zod/mini';
import type { UserRepository } from '#application/ports/user-repository';
import { runScheduledReport, type ScheduledReportOutcome } from '#application/reports/scheduled-report';
import type { SendReportDependencies } from '#application/reports/send-report';
import { InvalidInputError } from '#domain/domain-error';
import { reportEventSchema } from './report-event.schema';

export interface ReportHandlerDependencies {
  report: SendReportDependencies & { users: Pick<UserRepository, 'list'> };
  /** The stack's tenant: a schedule for any other tenant is refused. */
  tenantId: string;
  ownerEmail?: string;
}

export type ReportHandler = (event: unknown) => Promise<ScheduledReportOutcome>;

/** The tenant's report schedule's target: validate, then send the period's report once (or skip the day). */
export function createReportHandler(deps: ReportHandlerDependencies): ReportHandler {
  return async (event) => {
    const parsed = reportEventSchema.safeParse(event);
    if (!parsed.success) throw new InvalidInputError(`report input: ${z.prettifyError(parsed.error)}`);
    if (parsed.data.tenantId !== deps.tenantId) {
      throw new InvalidInputError(
        `this function reports on tenant ${deps.tenantId}, not ${parsed.data.tenantId}`,
      );
    }
    return runScheduledReport(deps.report, {
      tenantId: deps.tenantId,
      cadence: parsed.data.cadence,
      ...(deps.ownerEmail && { email: deps.ownerEmail }),
    });
  };
}
