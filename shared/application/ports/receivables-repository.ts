import type { CalendarDate } from '#domain/calendar-date';
import type { AgingBuckets } from '#domain/collections/aging-buckets';
import type { AgingRow, RowError } from '#domain/collections/aging-row';
import type { LastCollectionEmail } from '#domain/collections/collection-cadence';
import type { AccountCollectionControl } from '#domain/collections/escalation';
import type { EmailAddressStatus } from '#domain/email-events';
import type { Cents } from '#domain/money';

/**
 * Port: the receivables portfolio imported from aging files (issue 13). Account 1:N contact, account 1:N
 * invoice, invoice 1:N snapshot (immutable, one per invoice per import date). Keys and access patterns:
 * docs/access-patterns.md ("Receivables").
 */

export type ImportStatus = 'running' | 'completed' | 'refused';

export interface AgingImport {
  tenantId: string;
  importId: string;
  /** SHA-256 of the file's bytes: the same file twice is one import. */
  contentSha256: string;
  objectKey: string;
  filename: string;
  /** São Paulo date the import started: its snapshots' date. */
  asOf: CalendarDate;
  status: ImportStatus;
  startedAt: string;
  finishedAt?: string;
  requestedBy: string;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  invoicesClosed: number;
  /** Snapshots already recorded for this date by an earlier file (kept: snapshots never change). */
  snapshotsKept: number;
  errorReportKey?: string;
  /** Why the whole file was refused (pt-BR), when `refused`. */
  refusal?: string;
}

export interface ReceivableAccount {
  tenantId: string;
  clientId: string;
  name: string;
  lastImportId: string;
  /** Derived from the snapshots of `agingAsOf` (recomputed at the end of each import). */
  agingAsOf?: CalendarDate;
  aging?: AgingBuckets;
  maxDaysOverdue?: number;
  openInvoices?: number;
  control?: AccountCollectionControl;
  /** The last collection e-mail queued for the account (written with its outbox item). */
  lastEmail?: LastCollectionEmail;
}

export interface ReceivableContact {
  tenantId: string;
  clientId: string;
  firstName: string;
  lastName: string;
  email: string;
  phone?: string;
  isBilling: boolean;
  /**
   * Absent while the address is usable; `invalid` after a hard bounce, `suppressed` after a complaint (set by
   * the SES events, kept by re-imports). Whoever e-mails contacts skips one that has it.
   */
  emailStatus?: EmailAddressStatus;
}

export interface ReceivableInvoice {
  tenantId: string;
  clientId: string;
  invoiceNumber: string;
  invoiceDate?: CalendarDate;
  dueDate: CalendarDate;
  invoiceAmountCents: Cents;
  outstandingCents: Cents;
  status: 'open' | 'closed';
  lastSeenImportId: string;
  closedByImportId?: string;
}

export interface AgingSnapshot {
  tenantId: string;
  clientId: string;
  invoiceNumber: string;
  asOf: CalendarDate;
  importId: string;
  dueDate: CalendarDate;
  daysOverdue: number;
  outstandingCents: Cents;
  aging: AgingBuckets;
}

export type ClaimImportResult = { claimed: true } | { claimed: false; previous: AgingImport };

export interface ReceivablesRepository {
  /** Records a new import unless a file with the same content was imported before (then returns that one). */
  claimImport(record: AgingImport): Promise<ClaimImportResult>;
  saveImport(record: AgingImport): Promise<void>;
  getImport(tenantId: string, importId: string): Promise<AgingImport | undefined>;
  listImports(tenantId: string): Promise<AgingImport[]>;
  /** Upserts the account (name, last import) and the row's contact (keeping its `emailStatus`). */
  upsertAccount(tenantId: string, importId: string, row: AgingRow): Promise<void>;
  /** Upserts the invoice (open, seen by this import) and puts the day's snapshot if absent. */
  applyRow(
    tenantId: string,
    importRecord: Pick<AgingImport, 'importId' | 'asOf'>,
    row: AgingRow,
  ): Promise<{ snapshot: 'written' | 'kept' }>;
  /** A rejected row still names an invoice that is in the file: it must not be closed as "gone". */
  markInvoiceSeen(tenantId: string, clientId: string, invoiceNumber: string, importId: string): Promise<void>;
  openInvoices(tenantId: string): Promise<ReceivableInvoice[]>;
  /** Closes the invoice if no later import saw it; false if it was seen by `importId` meanwhile. */
  closeInvoice(invoice: ReceivableInvoice, importId: string): Promise<boolean>;
  snapshotsOf(tenantId: string, clientId: string, asOf: CalendarDate): Promise<AgingSnapshot[]>;
  setAccountAging(
    account: Pick<ReceivableAccount, 'tenantId' | 'clientId'>,
    derived: Required<Pick<ReceivableAccount, 'agingAsOf' | 'aging' | 'maxDaysOverdue' | 'openInvoices'>>,
  ): Promise<void>;
  listAccounts(tenantId: string): Promise<ReceivableAccount[]>;
  contactsOf(tenantId: string, clientId: string): Promise<ReceivableContact[]>;
  /** Every account's contact with this (normalised) address: one Query on the `byContact` index. */
  contactsWithEmail(tenantId: string, email: string): Promise<ReceivableContact[]>;
  /** Sets the contact's `emailStatus` unless it already has this one or a stronger one. */
  setContactEmailStatus(
    contact: Pick<ReceivableContact, 'tenantId' | 'clientId' | 'email'>,
    status: EmailAddressStatus,
  ): Promise<void>;
}

export type { RowError };
