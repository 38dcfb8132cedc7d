import type { CollectionsPorts } from '#application/collections/collections-ports';
import type { BillingProvider } from '#application/ports/billing-provider';
import type { BoletoActivityLog } from '#application/ports/boleto-activity-log';
import type { BoletoRepository } from '#application/ports/boleto-repository';
import type { CategoryRuleRepository } from '#application/ports/category-rule-repository';
import type { Clock } from '#application/ports/clock';
import type { ContactRepository } from '#application/ports/contact-repository';
import type { ConversationRepository } from '#application/ports/conversation-repository';
import type { IdGenerator } from '#application/ports/id-generator';
import type { InboundMessageRepository } from '#application/ports/inbound-message-repository';
import type { Intent } from '#application/ports/interpretation.schema';
import type { Interpretation, LanguageModel } from '#application/ports/language-model';
import type { LedgerRepository } from '#application/ports/ledger-repository';
import type { MemberAccounts } from '#application/ports/member-accounts';
import type { OutboxRepository } from '#application/ports/outbox-repository';
import type { RecurringPlanRepository } from '#application/ports/recurring-plan-repository';
import type { Schedules } from '#application/ports/schedules';
import type { TenantRepository } from '#application/ports/tenant-repository';
import type { Transcriber } from '#application/ports/transcriber';
import type { UnitOfWork } from '#application/ports/unit-of-work';
import type { UserRepository } from '#application/ports/user-repository';
import type { OwnerMessageInput, Workflows } from '#application/ports/workflows';
import type { Boleto } from '#domain/boleto';
import type { E164 } from '#domain/phone-number';
import type { AppLogger } from '#logging/create-logger';

/** Per-tenant conversation rules (from the tenant's configuration; see docs/decisions.md). */
export interface ConversationSettings {
  /** Above this amount IRIS asks the owner to confirm the value once more. */
  usualMaxAmountCents: number;
  /** How long a question or a confirmation waits for the owner (the workflow's Task timeout). */
  confirmationTimeoutSeconds: number;
  /** Days after the due date during which the boleto can still be paid (with charges). */
  paymentWindowDays: number;
  /** The WhatsApp template used to send a boleto to a contact outside the 24-hour window. */
  boletoTemplateName: string;
}

export interface ConversationDependencies {
  conversations: ConversationRepository;
  inbound: InboundMessageRepository;
  users: UserRepository;
  contacts: ContactRepository;
  tenants: TenantRepository;
  boletos: BoletoRepository;
  boletoActivity: BoletoActivityLog;
  /** The owner's income and expenses: ledger corrections go through the conversation's confirmation. */
  ledger: LedgerRepository;
  /** The tenant's learned category rules: a confirmed category correction teaches one. */
  categoryRules: CategoryRuleRepository;
  outbox: OutboxRepository;
  unitOfWork: UnitOfWork;
  language: LanguageModel;
  transcriber: Transcriber;
  billing: BillingProvider;
  workflows: Workflows;
  clock: Clock;
  ids: IdGenerator;
  logger: AppLogger;
  settings: ConversationSettings;
  reminders: ReminderPlanner;
  cancellation: BoletoCancellation;
  /** Recurring charge plans (`shared/application/recurring/`); absent where a function does not manage them. */
  recurring?: RecurringPorts;
  /** Collection e-mails and campaigns (`shared/application/collections/`); absent where not sent from here. */
  collections?: CollectionsPorts;
  /** Sign-in accounts of the tenant's members (Cognito deployed, the local issuer locally); absent: WhatsApp only. */
  memberAccounts?: MemberAccounts;
}

/** What recurring plans need: their store, the scheduler, and the workflow their monthly firings start. */
export interface RecurringPorts {
  plans: RecurringPlanRepository;
  schedules: Schedules;
  /** The conversation state machine: each month's schedule starts it with the plan's issue message. */
  conversationStateMachineArn: string;
}

/**
 * Ends a boleto at the provider and here, stops its reminders, tells the owner (when `replyTo` is given) and the
 * payer (as configured, or as `notifyContact` says). The outcome says whether it was cancelled now, before, or
 * could not be because it was paid.
 */
export interface BoletoCancellation {
  cancel(input: {
    tenantId: string;
    boletoId: string;
    requestedBy: string;
    memberId?: string;
    replyTo?: { phone: string; correlationId: string };
    notifyContact?: boolean;
  }): Promise<{ outcome: 'cancelled' | 'already_cancelled' | 'already_paid' | 'not_found' }>;
}

/** When a new boleto's first reminder is due (the tenant's cadence); undefined when none is scheduled. */
export interface ReminderPlanner {
  firstReminderAt(input: { tenantId: string; boleto: Boleto }): Promise<string | undefined>;
}

/**
 * Intents answered at once, without a request to collect or confirm (queries, ledger entries, help).
 * Implemented beside the features they belong to; each returns the pt-BR reply for the owner.
 */
export interface OwnerCommands {
  answer(input: {
    tenantId: string;
    ownerPhone: string;
    /** The member who asked (named on what the answer books). */
    memberId?: string;
    messageId: string;
    intent: Exclude<
      Intent,
      | 'create_boleto'
      | 'cancel_boleto'
      | 'confirm'
      | 'deny'
      | 'help'
      | 'unknown'
      | 'amend_boleto'
      | 'correct_ledger'
      | 'create_recurring'
      | 'list_recurring'
      | 'stop_recurring'
      | 'add_member'
      | 'remove_member'
      | 'portfolio_status'
      | 'collections_campaign'
      | 'collections_schedule'
      | 'collections_schedule_stop'
      | 'collections_pause'
      | 'collections_resume'
      | 'collections_pin'
      | 'collections_unpin'
    >;
    interpretation: Interpretation;
  }): Promise<string>;
  /** A bare amount that completes an expense or income asked about a moment ago; undefined if none waits. */
  completePendingEntry(input: {
    tenantId: string;
    ownerPhone: E164;
    /** The member answering (the one who was asked: pending entries are kept per phone). */
    memberId?: string;
    amountCents: number;
  }): Promise<string | undefined>;
}

export interface ReplyInput {
  tenantId: string;
  requestId: string;
  reply: OwnerMessageInput;
}
