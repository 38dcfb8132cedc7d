import { EmailPermanentError, EmailRetryableError, type EmailSender } from '#application/ports/email-sender';
import type { ObjectStore } from '#application/ports/object-store';
import type { OutboxMessage } from '#domain/outbox-message';
import {
  type ChannelDispatcher,
  DeliveryPermanentError,
  DeliveryRetryableError,
  type DispatchResult,
} from './channel-dispatcher';
import { readAttachments } from './email-attachments';

export interface EmailDispatchSettings {
  fromAddress: string;
  replyToAddresses?: string[];
}

/**
 * E-mail delivery: plain text + HTML, tagged with the outbox id (SES events and logs lead back to the item), with
 * the files the message names read from the file bucket (`files`: where the stack grants the read).
 */
export class EmailDispatcher implements ChannelDispatcher {
  readonly channel = 'email' as const;

  constructor(
    private readonly sender: EmailSender,
    private readonly settings: EmailDispatchSettings,
    private readonly files?: ObjectStore,
  ) {}

  async dispatch(message: OutboxMessage): Promise<DispatchResult> {
    const content = message.content;
    if (content.type !== 'email') {
      throw new DeliveryPermanentError('invalid_request', `outbox ${message.id}: WhatsApp content on e-mail`);
    }
    const attachments = await readAttachments(this.files, content.attachments ?? [], message.id);
    try {
      const sent = await this.sender.send({
        from: this.settings.fromAddress,
        to: [message.recipient],
        ...(this.settings.replyToAddresses?.length ? { replyTo: this.settings.replyToAddresses } : {}),
        subject: content.subject,
        text: content.text,
        html: content.html,
        ...(attachments.length > 0 && { attachments }),
        tags: { outbox_id: tagValue(message.id), tenant_id: tagValue(message.tenantId), kind: message.kind },
      });
      return { providerMessageId: sent.providerMessageId };
    } catch (error) {
      if (error instanceof EmailRetryableError) {
        throw new DeliveryRetryableError(error.message, {
          retryAfterSeconds: error.details.retryAfterSeconds,
          cause: error,
        });
      }
      if (error instanceof EmailPermanentError) {
        throw new DeliveryPermanentError(`email_${error.reason}`, error.message, { cause: error });
      }
      throw error;
    }
  }
}

/** SES tag values allow letters, digits, `_` and `-` only. */
export function tagValue(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 256) || '_';
}
