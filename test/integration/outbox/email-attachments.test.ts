import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client } from '#adapters/s3/create-s3-client';
import { S3ObjectStore } from '#adapters/s3/s3-object-store';
import type { EmailAttachment, NewOutboxMessage } from '#domain/outbox-message';
import { type RunningS3Local, startS3Local } from '#infra/local/s3-local';
import { type OutboxPipeline, startOutboxPipeline } from './outbox-pipeline';
import { enqueue } from './pipeline-fixtures';

const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/**
 * An e-mail's attachments travel by reference: the outbox item names the file bucket's key, and the e-mail
 * delivery reads the bytes from the S3 emulator when it sends through SESv2 (aws-ses-v2-local keeps them).
 */
describe('e-mail attachments: outbox → SQS → delivery reads S3 → SES', () => {
  let s3: RunningS3Local;
  let files: S3ObjectStore;
  let pipeline: OutboxPipeline;

  beforeAll(async () => {
    s3 = await startS3Local({ bucketName: 'iris-attachment-files', credentials: LOCAL_CREDENTIALS });
    files = new S3ObjectStore(
      { bucketName: s3.bucketName },
      createS3Client({
        endpoint: s3.endpoint,
        forcePathStyle: true,
        region: 'us-east-1',
        credentials: LOCAL_CREDENTIALS,
      }),
    );
    pipeline = await startOutboxPipeline({ files });
  }, 60_000);
  afterAll(async () => {
    await pipeline?.stop();
    await s3?.close();
  });

  const emailWith = (subject: string, attachments: EmailAttachment[]): NewOutboxMessage => ({
    channel: 'email',
    kind: 'owner_reply',
    recipient: 'dona@empresa.test',
    audience: 'owner',
    content: { type: 'email', subject, text: 'Segue em anexo.', html: '<p>Segue em anexo.</p>', attachments },
    correlationId: `attachments-${subject}`,
  });

  it('sends the file the item names, byte for byte, and keeps no bytes in the item', async () => {
    const bytes = new Uint8Array(70_000).map((_, index) => (index * 31) % 256); // binary, not text
    const objectKey = 'outbound/reports/acme/schedule-2026-11.pdf';
    await files.put({ key: objectKey, body: bytes, contentType: 'application/pdf' });

    const message = await enqueue(
      pipeline,
      emailWith('Relatório de novembro', [
        { objectKey, filename: 'relatorio-2026-11.pdf', contentType: 'application/pdf' },
      ]),
    );
    const sent = await pipeline.waitForStatus(message.id, 'sent');
    expect(JSON.stringify(sent).length).toBeLessThan(2_000);

    const email = (await pipeline.ses.emails()).find((stored) => stored.subject === 'Relatório de novembro');
    expect(email?.messageId).toBe(sent.providerMessageId);
    expect(email?.attachments).toHaveLength(1);
    expect(email?.attachments[0]).toMatchObject({
      filename: 'relatorio-2026-11.pdf',
      contentType: 'application/pdf',
      size: bytes.length,
    });
    expect(new Uint8Array(Buffer.from(email?.attachments[0]?.content ?? '', 'base64'))).toEqual(bytes);
  });

  it('fails the message, sending nothing, when the file is not in the bucket', async () => {
    const message = await enqueue(
      pipeline,
      emailWith('Relatório sem arquivo', [
        { objectKey: 'outbound/reports/acme/gone.pdf', filename: 'gone.pdf', contentType: 'application/pdf' },
      ]),
    );
    const failed = await pipeline.waitForStatus(message.id, 'failed');
    expect(failed.failureReason).toBe('email_attachment_missing');
    expect((await pipeline.ses.emails()).map((stored) => stored.subject)).not.toContain(
      'Relatório sem arquivo',
    );
  });
});
