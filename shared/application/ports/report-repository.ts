import { DomainError } from '#domain/domain-error';
import type { TransactionContext } from './unit-of-work';

/** A report (PDF) or ledger spreadsheet (CSV) IRIS generated and sent, with where its file is stored. */
export interface GeneratedReport {
  tenantId: string;
  /** Derived from its cause (`schedule-2026-11`, `request-<inbound message id>`): one report per cause. */
  reportId: string;
  format: 'pdf' | 'csv';
  /** "novembro de 2026", "30/11/2026 a 06/12/2026". */
  title: string;
  periodFrom: string;
  periodTo: string;
  trigger: 'schedule' | 'request';
  /** Object store key of the file (`outbound/reports/<tenant>/<reportId>.pdf`). */
  objectKey: string;
  filename: string;
  /** The headline figures, for lists (the file has the rest). */
  incomeCents: number;
  expenseCents: number;
  createdAt: string;
}

/** A report with this id was already generated: nothing was written. */
export class DuplicateReportError extends DomainError {
  constructor(
    readonly reportId: string,
    options?: { cause?: unknown },
  ) {
    super('duplicate_report', `report ${reportId} was already generated`, options);
    this.name = 'DuplicateReportError';
  }
}

export interface ReportRepository {
  /** Throws `DuplicateReportError` if a report with this id exists (a replayed cause). */
  add(report: GeneratedReport, tx?: TransactionContext): Promise<void>;
  get(tenantId: string, reportId: string): Promise<GeneratedReport | undefined>;
  /** The tenant's reports, newest first (one Query). */
  listRecent(tenantId: string, limit: number): Promise<GeneratedReport[]>;
}
