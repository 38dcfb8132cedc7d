/**
 * A message IRIS has decided to send. It is written in the same transaction as the state change that causes
 * it (the outbox pattern), then relayed to SQS and delivered by the channel's function exactly once as far as
 * the provider allows.
 */

export type OutboxChannel = 'whatsapp' | 'email';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'delivered' | 'read' | 'failed';

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
  | 'payer_reply';

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
}

/** The approved template to use when free-form text is not allowed (outside the customer-service window). */
export interface TemplateFallback {
  name: string;
  languageCode: string;
  parameters: string[];
}

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
  /** The contact this message is to (audience 'contact'): delivery checks their opt-out with one GetItem. */
  contactId?: string;
  /** Send the approved template even if the 24-hour window looks open (a free-form copy was refused). */
  forceTemplate?: boolean;
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
  | 'contactId'
  | 'forceTemplate'
  | 'replacesOutboxId'
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
