import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { E164 } from '#domain/phone-number';
import { type OutboxPipeline, startOutboxPipeline } from './outbox-pipeline';
import { acceptedSendsTo, enqueue, registerContact, registerOwner, reminderTo } from './pipeline-fixtures';

describe('a free-form message Meta refuses later for the closed 24-hour window', () => {
  let pipeline: OutboxPipeline;
  let owner: E164;

  beforeAll(async () => {
    // Meta's usual behaviour: accept the free-form send, then report it failed with 131047.
    pipeline = await startOutboxPipeline({ simulator: { windowEnforcement: 'async' } });
    owner = await registerOwner(pipeline);
  });

  afterAll(async () => {
    await pipeline?.stop();
  });

  it('is re-sent once as the approved template, without bothering the owner', async () => {
    const contact = await registerContact(pipeline, 'João Pereira');
    // IRIS believes the window is open (it saw a message the simulator never did): Meta will disagree.
    await pipeline.persistence.customerWindow.recordInbound(pipeline.tenantId, contact.phone, new Date());
    const original = await enqueue(pipeline, reminderTo(contact));

    const failed = await pipeline.waitForStatus(original.id, 'failed');
    expect(failed).toMatchObject({ sentAs: 'free_form', failureReason: 'outside_24h_window' });
    const sends = await pipeline.waitFor('the template re-send', async () => {
      const accepted = acceptedSendsTo(pipeline, contact.phone);
      return accepted.length === 2 ? accepted : undefined;
    });
    expect(sends.map((record) => record.type)).toEqual(['text', 'template']);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(acceptedSendsTo(pipeline, contact.phone)).toHaveLength(2);
    expect(acceptedSendsTo(pipeline, owner)).toEqual([]);
    expect(pipeline.webhook.statuses.filter((status) => status.outcome === 'applied')).toHaveLength(1);
  });
});
