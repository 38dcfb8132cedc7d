import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbEmailEventRepository } from '#adapters/dynamodb/email/dynamodb-email-event-repository';
import { DynamoDbOutboxRepository } from '#adapters/dynamodb/outbox/dynamodb-outbox-repository';
import { DynamoDbReceivablesRepository } from '#adapters/dynamodb/receivables/dynamodb-receivables-repository';
import { TableAccess } from '#adapters/dynamodb/table-access';
import type { ReceivableAccount } from '#application/ports/receivables-repository';
import { type AgingBuckets, agingTotal, EMPTY_AGING } from '#domain/collections/aging-buckets';
import { decideEscalation, ESCALATION_DEGREE_NAMES } from '#domain/collections/escalation';
import { deliveryStatusOf, type EmailDeliveryStatus, normaliseEmailAddress } from '#domain/email-events';
import { type SesStoredEmail, sesStore } from './ses-local';

/**
 * The collections side of the console and of `/_local/imports`, `/_local/aging`, `/_local/email-statuses`, read
 * the way the product reads (Query and GetItem through the repositories): the aging imports, each account's
 * aging with its escalation degree and its last collection e-mail (the account's `lastEmail`, written when a
 * collection e-mail is queued) with what became of it (outbox status + SES events), and every e-mail the SES
 * server received with its delivery status.
 */

export interface ImportView {
  importId: string;
  status: string;
  filename: string;
  asOf: string;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  invoicesClosed: number;
  startedAt: string;
  finishedAt: string | null;
  refusal: string | null;
}

/** What the collection e-mail step records on the account (when the collections e-mails exist). */
interface LastCollectionEmail {
  outboxMessageId: string;
  degree: number;
  snapshotDate: string;
  templateId: string;
  templateVersion: number;
  modelWritten: boolean;
  queuedAt: string;
}

export interface EmailStatusView {
  /** `queued`/`sending`/`failed`/`superseded` before SES accepted it; then SES's events decide. */
  status: EmailDeliveryStatus | 'queued' | 'sending' | 'failed' | 'superseded';
  outboxStatus: string | null;
  failureReason: string | null;
  sesMessageId: string | null;
  events: Array<{ type: string; bounceKind: string | null; occurredAt: string }>;
}

export interface AgingAccountView {
  clientId: string;
  name: string;
  agingAsOf: string | null;
  buckets: AgingBuckets;
  totalCents: number;
  openInvoices: number;
  maxDaysOverdue: number;
  degree: number | null;
  degreeName: string | null;
  /** Why no degree: `paused` or `nothing_overdue`; why this one: `aging` or `pinned`. */
  degreeReason: string;
  paused: boolean;
  pinnedDegree: number | null;
  lastEmail: (LastCollectionEmail & EmailStatusView) | null;
}

export interface SentEmailStatusView extends EmailStatusView {
  to: string[];
  subject: string;
  at: string;
  outboxId: string | null;
  /** Why IRIS no longer e-mails this address, if it does not. */
  addressStatus: string | null;
}

export interface CollectionsStateDeps {
  tableName: string;
  documentClient: DynamoDBDocumentClient;
  tenantId: string;
  sesUrl: string;
}

export class CollectionsState {
  private readonly receivables: DynamoDbReceivablesRepository;
  private readonly outbox: DynamoDbOutboxRepository;
  private readonly emailEvents: DynamoDbEmailEventRepository;

  constructor(private readonly deps: CollectionsStateDeps) {
    this.receivables = new DynamoDbReceivablesRepository(
      new TableAccess(deps.tableName, deps.documentClient),
    );
    this.outbox = new DynamoDbOutboxRepository(deps.tableName, deps.documentClient);
    this.emailEvents = new DynamoDbEmailEventRepository(deps.tableName, deps.documentClient);
  }

  /** Newest first (one Query on the tenant's imports partition). */
  async imports(): Promise<ImportView[]> {
    const imports = await this.receivables.listImports(this.deps.tenantId);
    return imports.map((record) => ({
      importId: record.importId,
      status: record.status,
      filename: record.filename,
      asOf: record.asOf,
      rowsRead: record.rowsRead,
      rowsImported: record.rowsImported,
      rowsRejected: record.rowsRejected,
      invoicesClosed: record.invoicesClosed,
      startedAt: record.startedAt,
      finishedAt: record.finishedAt ?? null,
      refusal: record.refusal ?? null,
    }));
  }

  async aging(): Promise<AgingAccountView[]> {
    const accounts = await this.receivables.listAccounts(this.deps.tenantId);
    return Promise.all(accounts.map((account) => this.agingOf(account)));
  }

  /** The e-mails the SES server received, newest first (at most 100), each with its delivery status. */
  async emailStatuses(): Promise<SentEmailStatusView[]> {
    const emails = (await sesStore(this.deps.sesUrl)).reverse().slice(0, 100);
    return Promise.all(emails.map((email) => this.sentEmailStatus(email)));
  }

  /** The last e-mail the SES server received for `address` and its outbox message (for `/_sim/ses/events`). */
  async lastEmailTo(
    address: string,
  ): Promise<{ tenantId: string; email: SesStoredEmail; outboxId?: string } | undefined> {
    const wanted = normaliseEmailAddress(address);
    const emails = await sesStore(this.deps.sesUrl);
    const email = emails.findLast((candidate) =>
      (candidate.destination?.to ?? []).some((to) => normaliseEmailAddress(to) === wanted),
    );
    if (!email) return undefined;
    const message = await this.outbox.findByProviderMessageId(this.deps.tenantId, email.messageId);
    return { tenantId: this.deps.tenantId, email, ...(message ? { outboxId: message.id } : {}) };
  }

  private async agingOf(account: ReceivableAccount): Promise<AgingAccountView> {
    const buckets = account.aging ?? EMPTY_AGING;
    const control = account.control ?? {};
    const decision = decideEscalation(buckets, account.maxDaysOverdue ?? 0, control);
    const degree = decision.action === 'send' ? decision.degree : null;
    const lastEmail = (account as ReceivableAccount & { lastEmail?: LastCollectionEmail }).lastEmail;
    return {
      clientId: account.clientId,
      name: account.name,
      agingAsOf: account.agingAsOf ?? null,
      buckets,
      totalCents: agingTotal(buckets),
      openInvoices: account.openInvoices ?? 0,
      maxDaysOverdue: account.maxDaysOverdue ?? 0,
      degree,
      degreeName: degree ? ESCALATION_DEGREE_NAMES[degree] : null,
      degreeReason: decision.reason,
      paused: control.paused ?? false,
      pinnedDegree: control.pinnedDegree ?? null,
      lastEmail: lastEmail
        ? { ...lastEmail, ...(await this.statusOfOutbox(lastEmail.outboxMessageId)) }
        : null,
    };
  }

  private async statusOfOutbox(outboxId: string): Promise<EmailStatusView> {
    const message = await this.outbox.get(this.deps.tenantId, outboxId);
    if (!message) return this.view('queued', null, null, null, []);
    const before = {
      pending: 'queued',
      sending: 'sending',
      failed: 'failed',
      superseded: 'superseded',
    } as const;
    const early = before[message.status as keyof typeof before];
    if (early || !message.providerMessageId) {
      return this.view(early ?? 'queued', message.status, message.failureReason ?? null, null, []);
    }
    return this.statusOfSesMessage(message.providerMessageId, message.status, null);
  }

  private async sentEmailStatus(email: SesStoredEmail): Promise<SentEmailStatusView> {
    const message = await this.outbox.findByProviderMessageId(this.deps.tenantId, email.messageId);
    const status = await this.statusOfSesMessage(email.messageId, message?.status ?? null, null);
    const to = email.destination?.to ?? [];
    const address = to[0]
      ? await this.emailEvents.addressState(this.deps.tenantId, normaliseEmailAddress(to[0]))
      : undefined;
    return {
      ...status,
      to,
      subject: email.subject,
      at: new Date(email.at * 1000).toISOString(),
      outboxId: message?.id ?? null,
      addressStatus: address?.status ?? null,
    };
  }

  private async statusOfSesMessage(
    sesMessageId: string,
    outboxStatus: string | null,
    failureReason: string | null,
  ): Promise<EmailStatusView> {
    const events = await this.emailEvents.eventsOf(this.deps.tenantId, sesMessageId);
    return this.view(
      deliveryStatusOf(events),
      outboxStatus,
      failureReason,
      sesMessageId,
      events.map((event) => ({
        type: event.type,
        bounceKind: event.bounceKind ?? null,
        occurredAt: event.occurredAt,
      })),
    );
  }

  private view(
    status: EmailStatusView['status'],
    outboxStatus: string | null,
    failureReason: string | null,
    sesMessageId: string | null,
    events: EmailStatusView['events'],
  ): EmailStatusView {
    return { status, outboxStatus, failureReason, sesMessageId, events };
  }
}
