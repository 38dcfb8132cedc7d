import type { WhatsAppPermanentReason } from '../../application/ports/message-sender';
import { InvalidInputError } from '../../domain/domain-error';

/** What an inbound WhatsApp message says, reduced to what IRIS understands. */
export type InboundMessageContent =
  | { type: 'text'; text: string }
  | { type: 'audio'; mediaId: string; mimeType: string; voice: boolean }
  /**
   * A tap on a button: an interactive reply button or list row IRIS sent (`payload` is the id IRIS gave
   * it), or a template quick-reply button (`payload` is the payload set when the template was sent).
   */
  | {
      type: 'button';
      payload: string;
      title: string;
      source: 'reply_button' | 'list_row' | 'template_button';
    }
  /** Images, documents, stickers, locations, reactions, …: `originalType` is Meta's type (`image`, `interactive.nfm_reply`). */
  | { type: 'unsupported'; originalType: string };

export interface InboundWhatsAppMessage {
  kind: 'message';
  /** The business number that received it: resolves the tenant. */
  phoneNumberId: string;
  displayPhoneNumber: string;
  /** Meta's message id (`wamid.…`): the de-duplication key. */
  messageId: string;
  /** Sender's WhatsApp id: digits without '+', possibly without Brazil's 9th mobile digit. */
  fromWaId: string;
  /** Sender in canonical E.164 (`+5511987654321`), absent when the wa_id is not a Brazilian number. */
  fromE164?: string;
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
  recipientWaId: string;
  timestamp: string;
  errors: WhatsAppEventError[];
}

/** System- or account-level problems Meta reports without a message (`value.errors`). Log and alarm. */
export interface WhatsAppErrorEvent {
  kind: 'error';
  phoneNumberId: string;
  errors: WhatsAppEventError[];
}

export type InboundWhatsAppEvent = InboundWhatsAppMessage | WhatsAppStatusEvent | WhatsAppErrorEvent;

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
