/**
 * Port: sending e-mail. The production adapter is SESv2 `SendEmail` (`shared/adapters/ses`); the local cloud
 * points the same adapter at `aws-ses-v2-local`.
 *
 * Every send resolves with the provider's message id or rejects with exactly one of `EmailRetryableError`
 * (throttling, outages: the delivery queue's backoff decides when) or `EmailPermanentError` (mark failed).
 */

export interface OutgoingEmail {
  from: string;
  to: string[];
  replyTo?: string[];
  subject: string;
  text: string;
  html: string;
  /** Files attached to the message (the provider encodes them). */
  attachments?: OutgoingAttachment[];
  /** Provider message tags (SES EmailTags): names and values `[A-Za-z0-9_-]`, up to 256 characters. */
  tags: Record<string, string>;
}

export interface OutgoingAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

export interface SentEmail {
  providerMessageId: string;
}

export interface EmailSender {
  send(email: OutgoingEmail): Promise<SentEmail>;
}

export type EmailPermanentReason =
  /** The provider refused this message (bad address, content rejected). */
  | 'rejected'
  /** The sender identity or configuration set is not usable: needs a person. */
  | 'sender_not_ready'
  | 'invalid_request';

export class EmailRetryableError extends Error {
  constructor(
    message: string,
    readonly details: { retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
    this.name = 'EmailRetryableError';
  }
}

export class EmailPermanentError extends Error {
  constructor(
    readonly reason: EmailPermanentReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EmailPermanentError';
  }
}
