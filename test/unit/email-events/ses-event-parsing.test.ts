import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sesEventBridgeEventSchema, toEmailEvent } from '#functions/email-events/email-events.schema';
import { parseSesEventRequest, sesEventBridgeEvent } from '#infra/local/ses-event-simulator';

/** A fresh copy of an `events/ses/*.json` sample. */
function sample(name: string): Record<string, unknown> {
  const path = fileURLToPath(new URL(`../../../events/ses/${name}.json`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

function parse(event: unknown) {
  return toEmailEvent(sesEventBridgeEventSchema.parse(event));
}

describe('SES event parsing (EventBridge destination)', () => {
  it('reads a permanent bounce as a hard bounce of the normalised recipient, at the bounce time', () => {
    expect(parse(sample('bounce-permanent'))).toEqual({
      sesMessageId: '0100018c5a7e1a00-6f7c0f7e-2b0d-4f5f-8e1e-1b2c3d4e5f60-000000',
      type: 'bounce',
      bounceKind: 'hard',
      recipients: ['financeiro@cliente-inexistente.com.br'],
      occurredAt: '2026-12-10T13:05:09.123Z',
    });
  });

  it('reads a transient or undetermined bounce as soft', () => {
    for (const bounceType of ['Transient', 'Undetermined']) {
      const event = sample('bounce-permanent') as { detail: { bounce: { bounceType: string } } };
      event.detail.bounce.bounceType = bounceType;
      expect(parse(event)?.bounceKind).toBe('soft');
    }
  });

  it('reads a complaint and a delivery with their own recipients and timestamps', () => {
    expect(parse(sample('complaint'))).toMatchObject({
      type: 'complaint',
      recipients: ['joao@cliente.com.br'],
      occurredAt: '2026-12-11T08:59:58.000Z',
    });
    expect(parse(sample('delivery'))).toMatchObject({
      type: 'delivery',
      recipients: ['maria@cliente.com.br'],
      occurredAt: '2026-12-10T13:05:08.456Z',
    });
  });

  it('reads a reject from the mail part (SES names no recipient or time of its own)', () => {
    const event = sample('delivery') as { detail: Record<string, unknown> };
    event.detail.eventType = 'Reject';
    delete event.detail.delivery;
    event.detail.reject = { reason: 'Bad content' };
    expect(parse(event)).toMatchObject({
      type: 'reject',
      recipients: ['maria@cliente.com.br'],
      occurredAt: '2026-12-10T13:05:07.000Z',
    });
  });

  it('ignores kinds IRIS does not act on (Send, Open, Click)', () => {
    for (const eventType of ['Send', 'Open', 'Click']) {
      const event = sample('delivery') as { detail: Record<string, unknown> };
      event.detail.eventType = eventType;
      expect(parse(event)).toBeUndefined();
    }
  });

  it('refuses an event of another source, without a message id, or a bounce without its part', () => {
    expect(sesEventBridgeEventSchema.safeParse({ ...sample('delivery'), source: 'aws.s3' }).success).toBe(
      false,
    );
    const noId = sample('delivery') as { detail: { mail: Record<string, unknown> } };
    delete noId.detail.mail.messageId;
    expect(sesEventBridgeEventSchema.safeParse(noId).success).toBe(false);
    const bare = sample('bounce-permanent') as { detail: Record<string, unknown> };
    delete bare.detail.bounce;
    expect(() => parse(bare)).toThrow('Bounce event without "bounce"');
  });
});

describe('the local SES event simulator', () => {
  const email = {
    messageId: 'ses-123456789',
    at: 1_765_371_907,
    from: 'cobranca@demo.iris.local',
    destination: { to: ['financeiro@cliente.com.br'] },
    subject: 'Faturas em aberto',
  };

  it('builds the same shape SES delivers, which the handler’s schema reads back', () => {
    const at = new Date('2026-12-10T13:05:09.000Z');
    for (const type of ['Bounce', 'Complaint', 'Delivery'] as const) {
      const request = parseSesEventRequest({ type, to: 'Financeiro@Cliente.com.br' });
      const event = sesEventBridgeEvent({ request, email, tenantId: 'demo', outboxId: 'ob-1', at });
      const parsed = sesEventBridgeEventSchema.parse(event);
      expect(parsed.detail.mail.tags?.outbox_id).toEqual(['ob-1']);
      expect(parsed.detail.mail.tags?.['ses:configuration-set']).toEqual(['iris-demo-local']);
      expect(toEmailEvent(parsed)).toMatchObject({
        sesMessageId: 'ses-123456789',
        recipients: ['financeiro@cliente.com.br'],
        occurredAt: at.toISOString(),
      });
    }
    const soft = parseSesEventRequest({ type: 'Bounce', to: 'a@b.com', bounceType: 'Transient' });
    expect(
      toEmailEvent(
        sesEventBridgeEventSchema.parse(sesEventBridgeEvent({ request: soft, email, tenantId: 'demo', at })),
      )?.bounceKind,
    ).toBe('soft');
  });

  it('refuses an unknown type, a missing address and unknown fields with a readable message', () => {
    expect(() => parseSesEventRequest({ type: 'Open', to: 'a@b.com' })).toThrow(
      'type must be one of Bounce, Complaint, Delivery',
    );
    expect(() => parseSesEventRequest({ type: 'Bounce' })).toThrow('to must be an e-mail address');
    expect(() => parseSesEventRequest({ type: 'Bounce', to: 'a@b.com', at: 'ontem' })).toThrow(
      'at must be an ISO-8601 instant',
    );
    expect(parseSesEventRequest({ type: 'Bounce', to: 'a@b.com', at: '2026-12-10T13:05:09Z' }).at).toEqual(
      new Date('2026-12-10T13:05:09Z'),
    );
    expect(() => parseSesEventRequest({ type: 'Bounce', to: 'a@b.com', extra: 1 })).toThrow(
      'unknown field(s): extra',
    );
  });
});
