import type { OutgoingAttachment } from '#application/ports/email-sender';
import { ObjectNotFoundError, type ObjectStore } from '#application/ports/object-store';
import type { EmailAttachment } from '#domain/outbox-message';
import { DeliveryPermanentError, DeliveryRetryableError } from './channel-dispatcher';

/**
 * SESv2 caps a whole message at 40 MB once MIME-encoded, and base64 makes each attachment a third larger: 28 MB
 * of files leave room for the body and headers. A monthly report is a few hundred kilobytes.
 */
export const MAX_ATTACHMENT_BYTES = 28 * 1024 * 1024;

/**
 * The e-mail's files, read from the file bucket when it is sent (the outbox item and the queue message carry
 * only their keys). A missing file, or files over SES's limit, fail the message for good: an e-mail whose text
 * says "em anexo" is never sent without its attachment. A storage outage is retried.
 */
export async function readAttachments(
  files: ObjectStore | undefined,
  attachments: readonly EmailAttachment[],
  outboxId: string,
): Promise<OutgoingAttachment[]> {
  if (attachments.length === 0) return [];
  if (!files) {
    throw new DeliveryPermanentError(
      'email_attachment_unavailable',
      `outbox ${outboxId}: e-mail with attachments, but this delivery has no file store`,
    );
  }
  const read: OutgoingAttachment[] = [];
  let total = 0;
  for (const attachment of attachments) {
    const content = await readOne(files, attachment, outboxId);
    total += content.byteLength;
    if (total > MAX_ATTACHMENT_BYTES) {
      throw new DeliveryPermanentError(
        'email_attachment_too_large',
        `outbox ${outboxId}: attachments exceed ${MAX_ATTACHMENT_BYTES} bytes`,
      );
    }
    read.push({ filename: attachment.filename, contentType: attachment.contentType, content });
  }
  return read;
}

async function readOne(
  files: ObjectStore,
  attachment: EmailAttachment,
  outboxId: string,
): Promise<Uint8Array> {
  try {
    const stored = await files.get(attachment.objectKey);
    if (stored.contentLength > MAX_ATTACHMENT_BYTES) {
      throw new DeliveryPermanentError(
        'email_attachment_too_large',
        `outbox ${outboxId}: ${attachment.objectKey} has ${stored.contentLength} bytes`,
      );
    }
    const chunks: Uint8Array[] = [];
    for await (const chunk of stored.body) chunks.push(chunk);
    return Buffer.concat(chunks);
  } catch (error) {
    if (error instanceof DeliveryPermanentError) throw error;
    if (error instanceof ObjectNotFoundError) {
      throw new DeliveryPermanentError(
        'email_attachment_missing',
        `outbox ${outboxId}: attachment ${attachment.objectKey} is not in the file bucket`,
        { cause: error },
      );
    }
    throw new DeliveryRetryableError(`outbox ${outboxId}: could not read ${attachment.objectKey}`, {
      cause: error,
    });
  }
}
