/**
 * Port: sending WhatsApp messages and fetching inbound media. The production adapter speaks the WhatsApp
 * Cloud API (`shared/adapters/whatsapp`); the local cloud points the same adapter at the simulator.
 *
 * Every send either resolves with Meta's message id (`wamid...`) or rejects with exactly one of
 * `WhatsAppRetryableError` (try again later: the delivery queue's backoff decides when) or
 * `WhatsAppPermanentError` (do not retry: mark the outbox item failed and tell the owner).
 */

import type { E164 } from '#domain/phone-number';

/** Recipients are canonical E.164 (`normalizePhone`); the adapter sends Meta the digits without '+'. */
export type { E164 };

export interface SentWhatsAppMessage {
  /** Meta's message id (`wamid.…`), the key of later status callbacks. */
  providerMessageId: string;
  /** The WhatsApp id Meta resolved the recipient to (may lack Brazil's 9th mobile digit), when returned. */
  recipientWaId?: string;
}

export interface SendTextInput {
  to: E164;
  /** Up to 4096 characters. Free-form: only inside the 24-hour customer-service window. */
  text: string;
  previewUrl?: boolean;
}

export type TemplateButtonParameter =
  /** Quick-reply button: the payload comes back in the inbound `button` message. */
  | { type: 'quick_reply'; payload: string }
  /** Dynamic URL button: the suffix appended to the URL approved with the template. */
  | { type: 'url'; text: string };

export interface SendTemplateInput {
  to: E164;
  templateName: string;
  languageCode: 'pt_BR';
  /** Body parameters {{1}}, {{2}}, … in order. */
  parameters: string[];
  /** Button parameters, by button index (position in this array). */
  buttons?: TemplateButtonParameter[];
  /** A document header (e.g. the boleto PDF), for templates approved with one. */
  headerDocument?: { link: string; filename: string };
}

export interface SendDocumentInput {
  to: E164;
  /** Public HTTPS link Meta downloads the document from. */
  link: string;
  filename: string;
  caption?: string;
}

export interface ReplyButton {
  /** Comes back as the inbound button reply's id (≤ 256 characters). */
  id: string;
  /** Shown on the button (≤ 20 characters). */
  title: string;
}

export interface SendInteractiveButtonsInput {
  to: E164;
  /** Up to 1024 characters. */
  body: string;
  /** One to three reply buttons. */
  buttons: ReplyButton[];
}

export interface WhatsAppSender {
  sendText(input: SendTextInput): Promise<SentWhatsAppMessage>;
  sendTemplate(input: SendTemplateInput): Promise<SentWhatsAppMessage>;
  sendDocument(input: SendDocumentInput): Promise<SentWhatsAppMessage>;
  sendInteractiveButtons(input: SendInteractiveButtonsInput): Promise<SentWhatsAppMessage>;
}

/**
 * Why a send can never succeed as it is. `outside_24h_window` is the one a caller can fix on its own
 * (send an approved template instead); the others need a person.
 */
export type WhatsAppPermanentReason =
  | 'outside_24h_window'
  | 'invalid_recipient'
  | 'template_rejected'
  | 'opted_out'
  | 'invalid_request'
  | 'account_restricted'
  | 'auth'
  | 'other';

export interface WhatsAppErrorDetails {
  /** Meta's error code (`error.code`), when the response carried one. */
  metaCode?: number;
  httpStatus?: number;
  /** Meta's trace id, for support tickets. */
  fbtraceId?: string;
  cause?: unknown;
}

/** A failure that may go away: 429 and throughput limits, 5xx, timeouts, network errors. */
export class WhatsAppRetryableError extends Error {
  readonly metaCode?: number;
  readonly httpStatus?: number;
  readonly fbtraceId?: string;
  /** Seconds the provider asked us to wait (`Retry-After`), when it said. */
  readonly retryAfterSeconds?: number;
  /**
   * True when the request may have reached Meta before it failed (timeout, connection reset): the
   * message may have been sent. The caller decides whether a possible duplicate is acceptable.
   */
  readonly outcomeUnknown: boolean;

  constructor(
    message: string,
    details: WhatsAppErrorDetails & { retryAfterSeconds?: number; outcomeUnknown?: boolean } = {},
  ) {
    super(message, { cause: details.cause });
    this.name = 'WhatsAppRetryableError';
    this.metaCode = details.metaCode;
    this.httpStatus = details.httpStatus;
    this.fbtraceId = details.fbtraceId;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.outcomeUnknown = details.outcomeUnknown ?? false;
  }
}

/** A failure that retrying the same request cannot fix. */
export class WhatsAppPermanentError extends Error {
  readonly metaCode?: number;
  readonly httpStatus?: number;
  readonly fbtraceId?: string;

  constructor(
    readonly reason: WhatsAppPermanentReason,
    message: string,
    details: WhatsAppErrorDetails = {},
  ) {
    super(message, { cause: details.cause });
    this.name = 'WhatsAppPermanentError';
    this.metaCode = details.metaCode;
    this.httpStatus = details.httpStatus;
    this.fbtraceId = details.fbtraceId;
  }
}
