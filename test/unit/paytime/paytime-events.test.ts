import { readFileSync } from 'node:fs';
import { isValidBoleto } from '@brazilian-utils/brazilian-utils';
import { describe, expect, it } from 'vitest';
import { parseBillet } from '#adapters/paytime/paytime-billet';
import { referenceOf } from '#adapters/paytime/paytime-reference';

const sample = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../../events/paytime/${name}`, import.meta.url), 'utf8')) as {
    event: string;
    event_date: string;
    data: unknown;
  };

describe('events/paytime samples', () => {
  it.each([
    ['updated-billet-status-pending.json', 'pending'],
    ['updated-billet-status-paid.json', 'paid'],
    ['updated-billet-status-cancelled.json', 'cancelled'],
    ['updated-billet-status-expired.json', 'expired'],
    ['updated-billet-status-failed.json', 'failed'],
  ])('%s is an updated-billet-status envelope the adapter reads as %s', (file, status) => {
    const envelope = sample(file);
    expect(envelope.event).toBe('updated-billet-status');
    expect(Number.isNaN(Date.parse(envelope.event_date))).toBe(false);
    const boleto = parseBillet(envelope.data);
    expect(boleto).toMatchObject({
      providerId: '6923a1f0c2b4e81a9d3f5e71',
      status,
      amountCents: 15_000,
      dueDate: '2026-12-10',
      reference: referenceOf('tenant-demo#wamid.HBgNNTUxMTk4NzY1NDMyMRUCABIYFjNFQjBDNzM'),
    });
    if (status !== 'failed') expect(isValidBoleto(boleto.digitableLine ?? '')).toBe(true);
  });

  it('the paid sample carries the payment', () => {
    expect(parseBillet(sample('updated-billet-status-paid.json').data)).toMatchObject({
      paidAmountCents: 15_000,
      paidAt: '2026-12-08T17:42:02.980Z',
    });
  });
});
