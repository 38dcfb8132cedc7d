import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OutboxPipeline, startOutboxPipeline } from './outbox-pipeline';
import { collectionEmail, enqueue } from './pipeline-fixtures';

describe('outbox → SQS → SES delivery (aws-ses-v2-local)', () => {
  let pipeline: OutboxPipeline;

  beforeAll(async () => {
    pipeline = await startOutboxPipeline();
  });

  afterAll(async () => {
    await pipeline?.stop();
  });

  it('sends the e-mail through SESv2 with text and HTML and records the SES message id', async () => {
    const message = await enqueue(
      pipeline,
      collectionEmail('financeiro@cliente.test', 'Fatura 123 em aberto'),
    );
    const sent = await pipeline.waitForStatus(message.id, 'sent');
    const emails = await pipeline.ses.emails();
    const email = emails.find((stored) => stored.subject === 'Fatura 123 em aberto');
    expect(email).toMatchObject({
      from: 'cobranca@empresa.test',
      destination: { to: ['financeiro@cliente.test'] },
      body: {
        text: 'Olá! A fatura 123 de R$ 1.234,56 venceu em 10/12/2026.',
        html: '<p>Olá! A fatura 123 de <strong>R$ 1.234,56</strong> venceu em 10/12/2026.</p>',
      },
    });
    expect(sent.providerMessageId).toBe(email?.messageId);
  });

  it('sends one e-mail when its queue message arrives three times', async () => {
    const message = await enqueue(pipeline, collectionEmail('contas@outro.test', 'Fatura 456 em aberto'));
    await pipeline.waitForStatus(message.id, 'sent');
    for (let copy = 0; copy < 3; copy++) {
      pipeline.sqs.sendMessage(pipeline.queues.email, {
        body: JSON.stringify({ tenantId: pipeline.tenantId, outboxId: message.id, channel: 'email' }),
      });
    }
    await pipeline.waitFor('the copies to be consumed', async () => {
      const { visible, inFlight } = pipeline.sqs.queue(pipeline.queues.email).counts();
      return visible + inFlight === 0;
    });
    const emails = await pipeline.ses.emails();
    expect(emails.filter((stored) => stored.subject === 'Fatura 456 em aberto')).toHaveLength(1);
  });

  it('delivers a batch of e-mails once each', async () => {
    const messages = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        enqueue(pipeline, collectionEmail(`cliente${index}@lote.test`, `Lote ${index}`)),
      ),
    );
    await Promise.all(messages.map((message) => pipeline.waitForStatus(message.id, 'sent')));
    const emails = await pipeline.ses.emails();
    const batch = emails.filter((stored) => stored.subject.startsWith('Lote '));
    expect(batch.map((stored) => stored.subject).sort()).toEqual(
      Array.from({ length: 8 }, (_, index) => `Lote ${index}`),
    );
  });
});
