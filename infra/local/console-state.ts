import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbBoletoRepository } from '#adapters/dynamodb/dynamodb-boleto-repository';
import { DynamoDbContactRepository } from '#adapters/dynamodb/dynamodb-contact-repository';
import { DynamoDbTenantRepository } from '#adapters/dynamodb/dynamodb-tenant-repository';
import { DynamoDbOutboxRepository } from '#adapters/dynamodb/outbox/dynamodb-outbox-repository';
import { executionArnOf, reminderLoopExecutionName } from '#adapters/step-functions/execution-names';
import { type Boleto, closedBalanceCents, payableAmountDueOn } from '#domain/boleto';
import { saoPauloDateOf } from '#domain/calendar-date';
import { NO_LATE_CHARGES } from '#domain/interest-policy';
import type { OutboxMessage } from '#domain/outbox-message';
import { REMINDER_STATE_NAMES } from '#workflows/reminder-loop-workflow';
import { type BudgetView, LocalBudgetViews } from './budget-views';
import { type ChatBubble, type SimulatorRecord, toChatBubble } from './chat-transcript';
import { CollectionsState } from './collections-state';
import type { LocalStepFunctions, VirtualClock } from './emulators';
import { stateMachineArn } from './local-cloud-names';
import type { OutboxObserver } from './outbox-observer';
import { LocalReportViews, type ReportView } from './report-views';
import { sesStore } from './ses-local';

/**
 * What the console shows, read the way the product reads: GetItem and Query through the repositories (contacts
 * → boletos by contact → each boleto with its audit trail), the outbox items whose ids the stream told us, the
 * reminder loop's next Wait from the local Step Functions, the e-mails from the SES server's `/store`, and the
 * owner's chat from the WhatsApp simulator.
 */

export interface ConsoleStateDeps {
  tableName: string;
  documentClient: DynamoDBDocumentClient;
  tenantId: string;
  ownerPhone: string;
  clock: VirtualClock;
  stepFunctions: LocalStepFunctions;
  outbox: OutboxObserver;
  sesUrl: string;
  conversation(phone: string): SimulatorRecord[];
}

export interface BoletoView {
  id: string;
  contactId: string;
  contactName: string;
  description: string;
  status: Boleto['status'];
  amountCents: number;
  paidCents: number;
  dueDate: string;
  /** What the payer owes if paying today (principal left + fine + interest); null when the billet cannot be paid. */
  amountDueTodayCents: number | null;
  /** A billet paid short and closed: the principal left to charge with a new boleto (no charges accrue). */
  balanceCents: number | null;
  nextReminderAt: string | null;
  reminderLoop: string | null;
  providerId: string | null;
  digitableLine: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface OutboxView {
  id: string;
  kind: OutboxMessage['kind'];
  channel: OutboxMessage['channel'];
  audience: OutboxMessage['audience'];
  recipient: string;
  status: OutboxMessage['status'];
  attempts: number;
  sentAs: string | null;
  failureReason: string | null;
  /** Why delivery dropped it (the message was no longer true), for a `superseded` item. */
  supersededReason: string | null;
  preview: string;
  boletoId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface EmailView {
  messageId: string;
  at: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  /** The attached files' names and sizes (the bytes stay in the SES emulator's store). */
  attachments: Array<{ filename: string; size: number }>;
}

export class ConsoleState {
  private readonly boletos: DynamoDbBoletoRepository;
  private readonly contacts: DynamoDbContactRepository;
  private readonly tenants: DynamoDbTenantRepository;
  private readonly outboxItems: DynamoDbOutboxRepository;
  /** Imports, aging and e-mail statuses (`/_local/imports`, `/_local/aging`, `/_local/email-statuses`). */
  readonly collections: CollectionsState;
  private readonly reportViews: LocalReportViews;
  private readonly budgetViews: LocalBudgetViews;

  constructor(private readonly deps: ConsoleStateDeps) {
    this.collections = new CollectionsState(deps);
    this.boletos = new DynamoDbBoletoRepository(deps.tableName, deps.documentClient);
    this.contacts = new DynamoDbContactRepository(deps.tableName, deps.documentClient);
    this.tenants = new DynamoDbTenantRepository(deps.tableName, deps.documentClient);
    this.outboxItems = new DynamoDbOutboxRepository(deps.tableName, deps.documentClient);
    this.reportViews = new LocalReportViews(deps.tableName, deps.documentClient);
    this.budgetViews = new LocalBudgetViews(deps.tableName, deps.documentClient, deps.clock);
  }

  /** Each budget with the current month's spent, limit, percent used and what remains. */
  budgets(): Promise<{ month: string; budgets: BudgetView[] }> {
    return this.budgetViews.current(this.deps.tenantId);
  }

  /** The reports and spreadsheets IRIS generated, newest first, with links to their files. */
  reports(): Promise<ReportView[]> {
    return this.reportViews.list(this.deps.tenantId);
  }

  clock(): { now: string; saoPaulo: string } {
    const now = this.deps.clock.now();
    return { now: now.toISOString(), saoPaulo: saoPauloLabel(now) };
  }

  async boletoList(): Promise<BoletoView[]> {
    const { tenantId } = this.deps;
    const profile = await this.tenants.getProfile(tenantId);
    const contacts = await this.contacts.list(tenantId);
    const today = saoPauloDateOf(this.deps.clock.now());
    const views: BoletoView[] = [];
    for (const contact of contacts) {
      for (const boleto of await this.boletos.listByContact(tenantId, contact.contactId)) {
        // Only a billet the payer can still pay has an amount due; a short-paid one shows its fixed balance.
        const due = payableAmountDueOn(boleto, today, profile?.interestPolicy ?? NO_LATE_CHARGES);
        const loop = this.reminderLoop(boleto.id);
        views.push({
          id: boleto.id,
          contactId: contact.contactId,
          contactName: contact.name,
          description: boleto.description,
          status: boleto.status,
          amountCents: boleto.amountCents,
          paidCents: boleto.paidCents,
          dueDate: boleto.dueDate,
          amountDueTodayCents: due ? due.totalCents : null,
          balanceCents: closedBalanceCents(boleto) || null,
          nextReminderAt: loop.nextReminderAt,
          reminderLoop: loop.status,
          providerId: boleto.provider?.providerId ?? null,
          digitableLine: boleto.provider?.digitableLine ?? null,
          createdAt: boleto.createdAt,
          updatedAt: boleto.updatedAt,
        });
      }
    }
    return views.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** The boleto, its append-only events and its activities, oldest first (one Query). */
  async audit(boletoId: string) {
    return this.boletos.getWithHistory(this.deps.tenantId, boletoId);
  }

  async outbox(): Promise<OutboxView[]> {
    const views: OutboxView[] = [];
    for (const { tenantId, outboxId } of this.deps.outbox.list(this.deps.tenantId).slice(0, 100)) {
      const message = await this.outboxItems.get(tenantId, outboxId);
      if (message) views.push(outboxView(message));
    }
    return views;
  }

  async emails(): Promise<EmailView[]> {
    return (await sesStore(this.deps.sesUrl))
      .map((email) => ({
        messageId: email.messageId,
        at: new Date(email.at * 1000).toISOString(),
        from: email.from,
        to: email.destination?.to ?? [],
        subject: email.subject,
        text: email.body?.text ?? '',
        attachments: (email.attachments ?? []).map((attachment) => ({
          filename: attachment.filename ?? '',
          size: attachment.size,
        })),
      }))
      .reverse();
  }

  chat(phone: string = this.deps.ownerPhone): ChatBubble[] {
    return this.deps.conversation(phone).map(toChatBubble);
  }

  async snapshot() {
    const [boletos, outbox, emails, reports, budgets] = await Promise.all([
      this.boletoList(),
      this.outbox(),
      this.emails(),
      this.reports(),
      this.budgets(),
    ]);
    return {
      clock: this.clock(),
      tenant: { tenantId: this.deps.tenantId, ownerPhone: this.deps.ownerPhone },
      boletos,
      outbox,
      emails,
      latestReport: reports[0] ?? null,
      budgets,
      chat: this.chat(),
    };
  }

  /** Where the boleto's reminder loop is parked: the instant its current Wait ends. */
  private reminderLoop(boletoId: string): { status: string | null; nextReminderAt: string | null } {
    const arn = executionArnOf(
      stateMachineArn('reminder-loop'),
      reminderLoopExecutionName(this.deps.tenantId, boletoId),
    );
    let status: string;
    try {
      status = this.deps.stepFunctions.describeExecution(arn).status;
    } catch {
      return { status: null, nextReminderAt: null };
    }
    if (status !== 'RUNNING') return { status, nextReminderAt: null };
    // Locally a Wait state runs as a Task on the virtual clock: found by name, its input holds the instant.
    const waits = this.deps.stepFunctions
      .executionHistory(arn)
      .filter(
        (event) =>
          event.type === 'StateEntered' && event.state.name === REMINDER_STATE_NAMES.waitForNextReminder,
      );
    const last = waits.at(-1);
    const input = last && 'state' in last ? (last.state.input as { nextReminderAt?: unknown }) : undefined;
    const next = typeof input?.nextReminderAt === 'string' ? input.nextReminderAt : null;
    return { status, nextReminderAt: next };
  }
}

function outboxView(message: OutboxMessage): OutboxView {
  const content = message.content;
  const preview =
    content.type === 'email' ? content.subject : content.type === 'document' ? content.caption : content.text;
  return {
    id: message.id,
    kind: message.kind,
    channel: message.channel,
    audience: message.audience,
    recipient: message.recipient,
    status: message.status,
    attempts: message.attempts,
    sentAs: message.sentAs ?? null,
    failureReason: message.failureReason ?? null,
    supersededReason: message.supersededReason ?? null,
    preview: preview.length > 160 ? `${preview.slice(0, 157)}…` : preview,
    boletoId: message.boletoId ?? null,
    createdAt: message.createdAt,
    updatedAt: message.updatedAt,
  };
}

/** `seg., 01/12/2026 10:00` in São Paulo. */
export function saoPauloLabel(instant: Date): string {
  return new Intl.DateTimeFormat('pt-BR', {
    timeZone: 'America/Sao_Paulo',
    weekday: 'short',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(instant);
}
