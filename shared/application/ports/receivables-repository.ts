import type { CalendarDate } from '#domain/calendar-date';
import type { AgingBuckets } from '#domain/collections/aging-buckets';
import type { RowError } from '#domain/collections/aging-row';
import type { LastCollectionEmail } from '#domain/collections/collection-cadence';
import type { AccountCollectionControl } from '#domain/collections/escalation';
import type { EmailAddressStatus } from '#domain/email-events';
import type { Cents } from '#domain/money';

/**
 * Port: the receivables portfolio imported from aging files (issue 13). Account 1:N contact, account 1:N
 * invoice, invoice 1:N snapshot (immutable, one per invoice per import date). Keys and access patterns:
 * docs/access-patterns.md ("Receivables").
 */

/** `failed`: the workflow could not finish (the owner was told; the same file may be sent again). */
export type ImportStatus = 'running' | 'completed' | 'refused' | 'failed';

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
  /**
   * Another import of the same São Paulo date came first (its snapshots of the date may exist and are kept):
   * batches then read before they write snapshots; otherwise they only write.
   */
  sameDayImports?: boolean;
  /** The clean copy the workflow's Distributed Map reads (`imports/<tenant>/<id>/normalised.csv`). */
  normalisedKey?: string;
  /** Why the whole file was refused (pt-BR), when `refused`. */
  refusal?: string;
}

export interface ReceivableAccount {
  tenantId: string;
  clientId: string;
  name: string;
  /** The import that created the account or last changed its name. */
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

export type ClaimImportResult =
  | { claimed: true }
  | { claimed: false; reason: 'duplicate'; previous: AgingImport }
  /** Another import of the tenant is running (one at a time: the day's snapshots are written once). */
  | { claimed: false; reason: 'busy'; runningImportId: string };

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface ReceivablesRepository {
  /**
   * Records a new import and takes the tenant's import lock (until `lockUntil`, ISO), unless a file with the
   * same content was imported before or another import holds the lock. Claiming again with the same import id
   * (a retried step) succeeds.
   */
  claimImport(record: AgingImport, lockUntil: string): Promise<ClaimImportResult>;
  /** Releases the tenant's lock held by `importId`; `forgetContent` also drops the same-bytes guard (a failed import). */
  releaseImport(
    record: Pick<AgingImport, 'tenantId' | 'importId' | 'contentSha256'>,
    forgetContent: boolean,
  ): Promise<void>;
  saveImport(record: AgingImport): Promise<void>;
  getImport(tenantId: string, importId: string): Promise<AgingImport | undefined>;
  listImports(tenantId: string): Promise<AgingImport[]>;
  /** A rejected row still names an invoice that is in the file: it must not be closed as "gone". */
  markInvoiceSeen(tenantId: string, clientId: string, invoiceNumber: string, importId: string): Promise<void>;
  openInvoices(tenantId: string): Promise<ReceivableInvoice[]>;
  openInvoicesPage(tenantId: string, cursor?: string): Promise<Page<ReceivableInvoice>>;
  /**
   * Closes the invoice if no later import saw it, recording the closure under the import in the same
   * transaction; false if it was seen by `importId` meanwhile or is already closed.
   */
  closeInvoice(invoice: ReceivableInvoice, importId: string): Promise<boolean>;
  snapshotsOf(tenantId: string, clientId: string, asOf: CalendarDate): Promise<AgingSnapshot[]>;
  /** Every account with its derived aging. */
  listAccounts(tenantId: string): Promise<ReceivableAccount[]>;
  /** A page of accounts, without their derived aging (the import's derive step pages through them). */
  accountsPage(tenantId: string, cursor?: string): Promise<Page<ReceivableAccount>>;
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
