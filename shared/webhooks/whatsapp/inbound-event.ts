import type { InboundMedia } from '#application/ports/inbound-message-repository';
import type { WhatsAppPermanentReason } from '#application/ports/message-sender';
import { InvalidInputError } from '#domain/domain-error';

/** What an inbound WhatsApp message says, reduced to what IRIS understands. */
export type InboundMessageContent =
  | { type: 'text'; text: string }
  | { type: 'audio'; mediaId: string; mimeType: string; voice: boolean }
  /** An image or a document (receipt photos and PDFs, spreadsheets). */
  | InboundMedia
  /**
   * A tap on a button: an interactive reply button or list row IRIS sent (`payload` is the id IRIS gave
   * it), a template quick-reply button (`payload` is the payload set when the template was sent), or a
   * WhatsApp Flow's answer (`interactive.nfm_reply`: `payload` is the flow token, `title` its text).
   */
  | {
      type: 'button';
      payload: string;
      title: string;
      source: 'reply_button' | 'list_row' | 'template_button' | 'flow_reply';
    }
  /** Videos, stickers, locations, contacts, …: `originalType` is Meta's type (`image`, `order`). */
  | { type: 'unsupported'; originalType: string }
  /**
   * Something the person did that is not a message to answer: a reaction (or its removal), an edit, a
   * deletion, a WhatsApp system notice. Recorded, never answered.
   */
  | { type: 'notice'; originalType: string }
  /**
   * The person sent something IRIS could not receive: Meta's `unsupported` type, or a message carrying
   * `errors` (a failed media download, an interactive message Meta could not render). Asked to resend as text.
   */
  | { type: 'undeliverable'; originalType: string; errors: WhatsAppEventError[] };

export interface InboundWhatsAppMessage {
  kind: 'message';
  /** The business number that received it: resolves the tenant. */
  phoneNumberId: string;
  displayPhoneNumber: string;
  /** Meta's message id (`wamid.…`): the de-duplication key. */
  messageId: string;
  /**
   * Sender's WhatsApp id: digits without '+', possibly without Brazil's 9th mobile digit. Absent when the
   * sender hides their number behind a username (then only `fromUserId` identifies them).
   */
  fromWaId?: string;
  /** Sender in canonical E.164 (`+5511987654321`), absent when there is no wa_id or it is not Brazilian. */
  fromE164?: string;
  /** Sender's business-scoped user id (BSUID, e.g. `BR.1502576394655843`), when Meta sent one. */
  fromUserId?: string;
  /** The parent BSUID shared across a managed business's portfolios, when enabled. */
  fromParentUserId?: string;
  /** The sender's WhatsApp username, when they adopted one. Personal data: never logged. */
  fromUsername?: string;
  /** Sender's WhatsApp profile name, when Meta sent it. */
  profileName?: string;
  /** When the user sent it (ISO-8601, from Meta's unix-seconds timestamp). */
  timestamp: string;
  /** The message this one replies to (button replies carry the id of the message with the buttons). */
  contextMessageId?: string;
  content: InboundMessageContent;
}

export type WhatsAppDeliveryStatus = 'sent' | 'delivered' | 'read' | 'failed';

export interface WhatsAppEventError {
  code: number;
  title: string;
  details?: string;
  /** What a sender should do about it (see `classifyMetaError`). */
  classification: 'retryable' | WhatsAppPermanentReason;
}

export interface WhatsAppStatusEvent {
  kind: 'status';
  phoneNumberId: string;
  /** The id Meta returned when IRIS sent the message: finds the outbox item. */
  providerMessageId: string;
  status: WhatsAppDeliveryStatus;
  /** The recipient's wa_id; absent when IRIS sent to a business-scoped user id (then `recipientUserId`). */
  recipientWaId?: string;
  recipientUserId?: string;
  timestamp: string;
  errors: WhatsAppEventError[];
}

/** System- or account-level problems Meta reports without a message (`value.errors`). Log and alarm. */
export interface WhatsAppErrorEvent {
  kind: 'error';
  phoneNumberId: string;
  errors: WhatsAppEventError[];
}

/** A WhatsApp identity that Meta reports: a phone (wa_id, and its E.164 when Brazilian) and/or a BSUID. */
export interface WhatsAppIdentity {
  waId?: string;
  e164?: string;
  userId?: string;
}

/**
 * A `system` message announcing that a person changed their number (`user_changed_number`) or that their
 * business-scoped user id changed (`user_changed_user_id`): updates the stored identity, never answered.
 */
export interface WhatsAppIdentityChangeEvent {
  kind: 'identity_change';
  phoneNumberId: string;
  messageId: string;
  change: 'user_changed_number' | 'user_changed_user_id';
  previous: WhatsAppIdentity;
  next: WhatsAppIdentity;
  timestamp: string;
}

/**
 * An item of an authentic delivery that IRIS does not act on (another subscribed field, a status value it
 * does not track, an item it cannot read): acknowledged, logged without personal data and counted by `what`.
 */
export interface WhatsAppIgnoredItem {
  kind: 'ignored';
  /** What was ignored, as a metric dimension: `field:account_update`, `status:played`, `message:unreadable`. */
  what: string;
  phoneNumberId?: string;
  /** Meta's id of the item, when it has one (ids are never personal data). */
  itemId?: string;
  /** For unreadable items: the schema's complaints, paths and messages only (never values). */
  issues?: string[];
}

export type InboundWhatsAppEvent =
  | InboundWhatsAppMessage
  | WhatsAppStatusEvent
  | WhatsAppErrorEvent
  | WhatsAppIdentityChangeEvent
  | WhatsAppIgnoredItem;

/** The body is not JSON, or not a WhatsApp Business Account webhook IRIS can read: answer 400. */
export class InvalidWebhookPayloadError extends InvalidInputError {
  constructor(
    message: string,
    readonly issues: string[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'InvalidWebhookPayloadError';
  }
}
