/**
 * A message IRIS has decided to send. It is written in the same transaction as the state change that causes
 * it (the outbox pattern), then relayed to SQS and delivered by the channel's function exactly once as far as
 * the provider allows.
 */

import type { Boleto } from './boleto-state';
import { type BoletoStatus, isPayable } from './boleto-status';

export type OutboxChannel = 'whatsapp' | 'email';

/** `superseded`: dropped unsent because what it says was no longer true at send time (see `MessageSubject`). */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'delivered' | 'read' | 'failed' | 'superseded';

/** What the message is for: decides the WhatsApp template used outside the 24-hour window, quiet hours, limits. */
export type OutboxMessageKind =
  | 'owner_reply'
  | 'boleto_to_contact'
  | 'reminder'
  | 'payment_received'
  | 'delivery_failed'
  | 'collection_email'
  /** To the owner: a contact asked to stop receiving messages. */
  | 'contact_opted_out'
  /** To the contact who wrote an opt-out word: the only message an opted-out contact still gets. */
  | 'opt_out_confirmation'
  /** To a payer who wrote to IRIS: the answer to their own message (bounded per day, docs/decisions.md). */
  | 'payer_reply'
  /** To the owner: a month's spending reached 80% or 100% of a budget (once per threshold and month). */
  | 'budget_alert';

export interface ReplyButton {
  id: string;
  title: string;
}

export type WhatsAppContent =
  | { type: 'text'; text: string }
  | { type: 'buttons'; text: string; buttons: ReplyButton[] }
  | { type: 'document'; link: string; filename: string; caption: string };

export interface EmailContent {
  type: 'email';
  subject: string;
  text: string;
  html: string;
  /** Files sent with the e-mail, by reference: the bytes stay in the file bucket, never in the outbox item. */
  attachments?: EmailAttachment[];
}

/** A file of the stack's file bucket to attach: the e-mail delivery reads it when it sends. */
export interface EmailAttachment {
  objectKey: string;
  filename: string;
  contentType: string;
}

/** The approved template to use when free-form text is not allowed (outside the customer-service window). */
export interface TemplateFallback {
  name: string;
  languageCode: string;
  parameters: string[];
  /** The template's DOCUMENT header (e.g. the boleto's PDF), for templates approved with one. */
  headerDocument?: { link: string; filename: string };
}

/**
 * What must still be true of the boleto a message to a payer is about, when it is sent:
 * - `boleto_payable`: the boleto can still be paid (`isPayable`); with `paidCents`, also that no payment
 *   arrived since the message was written (the amounts it states would be stale).
 * - `boleto_cancelled_and_received`: a cancellation notice; true while the boleto is cancelled and only if the
 *   payer had received the boleto (a payer who never got it is not told it was cancelled).
 */
export type MessageCondition = 'boleto_payable' | 'boleto_cancelled_and_received';

/** What a message is about: the boleto, as it was when the message was written, and what must still hold. */
export interface MessageSubject {
  boletoId: string;
  holdsWhile: MessageCondition;
  /** The boleto's version and status the message was written for (audit trail, reasons). */
  version?: number;
  status?: BoletoStatus;
  paidCents?: number;
}

/** Why a message was dropped unsent: `boleto_<status>` (paid, cancelled, expired, failed, ...) or one of these. */
export type SupersededReason =
  | `boleto_${BoletoStatus}`
  | 'boleto_missing'
  | 'payment_since_written'
  | 'boleto_not_cancelled'
  | 'boleto_never_reached_payer'
  /** A grouped forward of a payer's held texts that a later forward carried instead (docs/decisions.md). */
  | 'forwarded_with_later_message'
  /** A progress notice to the owner ("estou importando") whose result was ready before it went out. */
  | 'result_sent_instead';

export type SubjectVerdict = { stillTrue: true } | { stillTrue: false; reason: SupersededReason };

export interface OutboxMessage {
  id: string;
  tenantId: string;
  channel: OutboxChannel;
  kind: OutboxMessageKind;
  /** E.164 phone for WhatsApp, e-mail address for e-mail. */
  recipient: string;
  audience: 'owner' | 'contact';
  content: WhatsAppContent | EmailContent;
  template?: TemplateFallback;
  correlationId: string;
  boletoId?: string;
  /** What the message is about and must still be true of at send time; see `subjectOf` for the default. */
  about?: MessageSubject;
  /**
   * The owner to tell what happened to this send (sent, deferred until when, not deliverable): set on the
   * boleto message of a charge the owner just confirmed, so "enviado" is said only after the provider accepted.
   */
  reportOutcomeTo?: string;
  /** When the owner was told the first outcome of this send (told once). */
  outcomeReportedAt?: string;
  /** The contact this message is to (audience 'contact'): delivery checks their opt-out with one GetItem. */
  contactId?: string;
  /** A collection e-mail's receivables account (its `client_id`): SES events lead back to the account. */
  accountId?: string;
  /** A collection e-mail's template (id, version) and whether the model wrote the text from it. */
  emailTemplate?: { templateId: string; version: number; modelWritten: boolean };
  /** Send the approved template even if the 24-hour window looks open (a free-form copy was refused). */
  forceTemplate?: boolean;
  /** Not sent before this instant (ISO-8601): delivery defers it until then (a grouped forward's window end). */
  notBefore?: string;
  /** The message this one re-sends (see `forceTemplate`). */
  replacesOutboxId?: string;
  status: OutboxStatus;
  /** Send attempts started (claims taken). */
  attempts: number;
  /** When the current (or last) delivery attempt claimed the message; a `sending` claim older than the stale threshold may be taken over. */
  claimedAt?: string;
  providerMessageId?: string;
  /** How a WhatsApp message went out: free-form inside the 24-hour window, else the approved template. */
  sentAs?: 'free_form' | 'template';
  lastError?: string;
  /** Why the message ended `failed` (`opted_out`, `invalid_recipient`, `retries_exhausted`, ...). */
  failureReason?: string;
  /** Why the message ended `superseded`. */
  supersededReason?: SupersededReason;
  supersededAt?: string;
  createdAt: string;
  updatedAt: string;
  sentAt?: string;
  deliveredAt?: string;
  readAt?: string;
  failedAt?: string;
}

/** What a use case decides to say; the outbox adds the id, tenant, status and timestamps. */
export type NewOutboxMessage = Pick<
  OutboxMessage,
  | 'channel'
  | 'kind'
  | 'recipient'
  | 'audience'
  | 'content'
  | 'template'
  | 'correlationId'
  | 'boletoId'
  | 'about'
  | 'reportOutcomeTo'
  | 'contactId'
  | 'accountId'
  | 'emailTemplate'
  | 'forceTemplate'
  | 'replacesOutboxId'
  | 'notBefore'
>;

export function newOutboxMessage(
  input: NewOutboxMessage,
  context: { id: string; tenantId: string; now: Date },
): OutboxMessage {
  const at = context.now.toISOString();
  return {
    ...input,
    id: context.id,
    tenantId: context.tenantId,
    status: 'pending',
    attempts: 0,
    createdAt: at,
    updatedAt: at,
  };
}

/** A WhatsApp text reply to the owner who is talking to IRIS (always inside the 24-hour window). */
export function ownerReply(recipient: string, text: string, correlationId: string): NewOutboxMessage {
  return {
    channel: 'whatsapp',
    kind: 'owner_reply',
    recipient,
    audience: 'owner',
    content: { type: 'text', text },
    correlationId,
  };
}

/** About a boleto the payer can still pay: the boleto message, reminders, re-sends of line / PDF / Pix. */
export function aboutPayableBoleto(
  boleto: Pick<Boleto, 'id' | 'version' | 'status' | 'paidCents'>,
  options: { statesAmountDue?: boolean } = {},
): MessageSubject {
  return {
    boletoId: boleto.id,
    holdsWhile: 'boleto_payable',
    version: boleto.version,
    status: boleto.status,
    ...(options.statesAmountDue ? { paidCents: boleto.paidCents } : {}),
  };
}

/** About the cancellation of a boleto (`boleto` as it was before the cancellation). */
export function aboutCancelledBoleto(boleto: Pick<Boleto, 'id' | 'version' | 'status'>): MessageSubject {
  return {
    boletoId: boleto.id,
    holdsWhile: 'boleto_cancelled_and_received',
    version: boleto.version,
    status: boleto.status,
  };
}

/** Kinds that, to a payer and naming a boleto, are about it being payable when they carry no `about`. */
const PAYABLE_BY_DEFAULT: ReadonlySet<OutboxMessageKind> = new Set(['boleto_to_contact', 'reminder']);

/**
 * The subject delivery checks before sending: the message's own `about`, else (a message written before
 * `about` existed, or by a producer that forgot it) a payer's boleto message or reminder is taken to be about
 * its boleto being payable. Messages to the owner are never dropped: they report facts.
 */
export function subjectOf(message: OutboxMessage): MessageSubject | undefined {
  if (message.audience !== 'contact') return undefined;
  if (message.about) return message.about;
  if (message.boletoId && PAYABLE_BY_DEFAULT.has(message.kind)) {
    return { boletoId: message.boletoId, holdsWhile: 'boleto_payable' };
  }
  return undefined;
}

/** Is the message still true of `boleto` now? `reachedPayer`: the payer had been sent the boleto itself. */
export function judgeSubject(
  subject: MessageSubject,
  boleto: Pick<Boleto, 'status' | 'paidCents'> | undefined,
  reachedPayer: boolean,
): SubjectVerdict {
  if (!boleto) return { stillTrue: false, reason: 'boleto_missing' };
  if (subject.holdsWhile === 'boleto_cancelled_and_received') {
    if (boleto.status !== 'cancelled') return { stillTrue: false, reason: 'boleto_not_cancelled' };
    return reachedPayer ? { stillTrue: true } : { stillTrue: false, reason: 'boleto_never_reached_payer' };
  }
  if (!isPayable(boleto.status)) return { stillTrue: false, reason: `boleto_${boleto.status}` };
  if (subject.paidCents !== undefined && boleto.paidCents !== subject.paidCents) {
    return { stillTrue: false, reason: 'payment_since_written' };
  }
  return { stillTrue: true };
}
