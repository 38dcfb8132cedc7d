import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import {
  EmailPermanentError,
  type EmailPermanentReason,
  EmailRetryableError,
  type EmailSender,
  type OutgoingEmail,
  type SentEmail,
} from '#application/ports/email-sender';
import { createSesClient } from './create-ses-client';

export interface SesEmailSenderConfig {
  /** Every message goes through the configuration set (delivery/bounce events, reputation metrics). */
  configurationSetName: string;
}

/** SESv2 errors that go away by themselves: throttling, quotas, outages. */
const RETRYABLE = new Set([
  'TooManyRequestsException',
  'LimitExceededException',
  'ThrottlingException',
  'Throttling',
  'ServiceUnavailable',
  'InternalFailure',
  'RequestTimeout',
  'TimeoutError',
]);

const PERMANENT: Record<string, EmailPermanentReason> = {
  MessageRejected: 'rejected',
  MailFromDomainNotVerifiedException: 'sender_not_ready',
  AccountSuspendedException: 'sender_not_ready',
  SendingPausedException: 'sender_not_ready',
  NotFoundException: 'sender_not_ready',
  BadRequestException: 'invalid_request',
};

/**
 * `EmailSender` over SESv2 `SendEmail`: Simple content (text + HTML, UTF-8, attachments), the configuration set,
 * tags.
 */
export class SesEmailSender implements EmailSender {
  private readonly client: SESv2Client;

  constructor(
    private readonly config: SesEmailSenderConfig,
    client?: SESv2Client,
  ) {
    this.client = client ?? createSesClient();
  }

  async send(email: OutgoingEmail): Promise<SentEmail> {
    let messageId: string | undefined;
    try {
      const output = await this.client.send(
        new SendEmailCommand({
          FromEmailAddress: email.from,
          Destination: { ToAddresses: email.to },
          ...(email.replyTo?.length ? { ReplyToAddresses: email.replyTo } : {}),
          Content: {
            Simple: {
              Subject: { Data: email.subject, Charset: 'UTF-8' },
              Body: {
                Text: { Data: email.text, Charset: 'UTF-8' },
                Html: { Data: email.html, Charset: 'UTF-8' },
              },
              // RawContent is the bytes: the SDK base64-encodes them for the JSON request; SES builds the MIME part.
              ...(email.attachments &&
                email.attachments.length > 0 && {
                  Attachments: email.attachments.map((attachment) => ({
                    FileName: attachment.filename,
                    ContentType: attachment.contentType,
                    ContentDisposition: 'ATTACHMENT' as const,
                    ContentTransferEncoding: 'BASE64' as const,
                    RawContent: attachment.content,
                  })),
                }),
            },
          },
          ConfigurationSetName: this.config.configurationSetName,
          EmailTags: Object.entries(email.tags).map(([Name, Value]) => ({ Name, Value })),
        }),
      );
      messageId = output.MessageId;
    } catch (error) {
      throw translateSesError(error);
    }
    if (!messageId) {
      // Accepted without an id: SES did send it; retrying would duplicate. Still an error to surface.
      throw new EmailPermanentError('invalid_request', 'SES accepted the e-mail but returned no MessageId');
    }
    return { providerMessageId: messageId };
  }
}

export function translateSesError(error: unknown): Error {
  const name = error instanceof Error ? error.name : '';
  const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  const message = error instanceof Error ? error.message : String(error);
  const permanent = PERMANENT[name];
  if (permanent) return new EmailPermanentError(permanent, `SES ${name}: ${message}`, { cause: error });
  if (RETRYABLE.has(name) || status === undefined || status === 429 || status >= 500) {
    return new EmailRetryableError(`SES ${name || 'error'}: ${message}`, { cause: error });
  }
  return new EmailPermanentError('invalid_request', `SES ${name} (${status}): ${message}`, { cause: error });
}
