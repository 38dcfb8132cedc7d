import { describe, expect, it } from 'vitest';
import { matchCreatedBoleto } from '#adapters/paytime/created-boleto-match';
import { parseBillet, parseBilletPage } from '#adapters/paytime/paytime-billet';
import { referenceOf } from '#adapters/paytime/paytime-reference';
import { BillingProviderUnavailableError, type ProviderBoleto } from '#application/ports/billing-provider';
import { calendarDate } from '#domain/calendar-date';

const pendingBillet = {
  _id: '689b893b59a7593764e8b0e1',
  type: 'BILLET',
  description: `Venda por Boleto (ref ${referenceOf('cmd-1')})`,
  amount: 750,
  original_amount: 1000,
  fees: 250,
  barcode: '34199108400000010001090005834127892998860000',
  digitable_line: '34191.09008 05834.127895 29988.600002 9 10840000001000',
  url: 'https://billets.example/689b.pdf',
  status: 'PENDING',
  expiration_at: '2025-08-28T12:00:00.000Z',
  payment_limit_date: '2025-08-30T00:00:00.000Z',
  created_at: '2025-08-12T18:34:35.601Z',
  client: { first_name: 'Antonio', last_name: 'Francisco', document: '43878902077' },
  pix_emv: '00020101021226...6304ABCD',
};

describe('parseBillet', () => {
  it('reads a pending billet into a ProviderBoleto', () => {
    expect(parseBillet(pendingBillet)).toEqual({
      providerId: '689b893b59a7593764e8b0e1',
      status: 'pending',
      amountCents: 1000,
      feesCents: 250,
      dueDate: '2025-08-28',
      digitableLine: '34191090080583412789529988600002910840000001000',
      barcode: '34199108400000010001090005834127892998860000',
      pdfUrl: 'https://billets.example/689b.pdf',
      pixEmv: '00020101021226...6304ABCD',
      description: pendingBillet.description,
      reference: referenceOf('cmd-1'),
      payerTaxId: '43878902077',
      createdAt: '2025-08-12T18:34:35.601Z',
    });
  });

  it('reads a processing billet without payment data', () => {
    const boleto = parseBillet({
      ...pendingBillet,
      status: 'PROCESSING',
      barcode: null,
      digitable_line: null,
      url: null,
      pix_emv: null,
    });
    expect(boleto.status).toBe('processing');
    expect(boleto.digitableLine).toBeUndefined();
    expect(boleto.pdfUrl).toBeUndefined();
  });

  it.each([
    ['CANCELED', 'cancelled'],
    ['EXPIRED', 'expired'],
    ['FAILED', 'failed'],
    ['PAID', 'paid'],
  ])('maps %s to %s', (status, expected) => {
    expect(parseBillet({ ...pendingBillet, status }).status).toBe(expected);
  });

  it('takes the due date from the ISO date part, not a time-zone conversion', () => {
    expect(parseBillet({ ...pendingBillet, expiration_at: '2026-12-10T00:00:00.000Z' }).dueDate).toBe(
      '2026-12-10',
    );
  });

  it('reads payment fields when present', () => {
    const boleto = parseBillet({
      ...pendingBillet,
      status: 'PAID',
      paid_amount: 1000,
      paid_at: '2025-08-20T14:00:00.000Z',
    });
    expect(boleto).toMatchObject({ paidAmountCents: 1000, paidAt: '2025-08-20T14:00:00.000Z' });
  });

  it.each([
    ['an unknown status', { status: 'ON_HOLD' }],
    ['no id', { _id: '' }],
    ['a float amount', { amount: 7.5 }],
    ['no due date', { expiration_at: null }],
  ])('treats a billet with %s as a provider fault', (_label, override) => {
    expect(() => parseBillet({ ...pendingBillet, ...override })).toThrow(BillingProviderUnavailableError);
  });
});

describe('parseBilletPage', () => {
  it('reads lastPage or derives hasMore from total', () => {
    const withLastPage = parseBilletPage(
      { total: 3, page: 1, perPage: 2, lastPage: 2, data: [pendingBillet, pendingBillet] },
      { page: 1, perPage: 2 },
    );
    expect(withLastPage).toMatchObject({ page: 1, perPage: 2, total: 3, hasMore: true });
    const withLimit = parseBilletPage(
      { total: 1, page: 1, limit: 20, data: [pendingBillet] },
      { page: 1, perPage: 20 },
    );
    expect(withLimit).toMatchObject({ perPage: 20, total: 1, hasMore: false });
    expect(withLimit.items).toHaveLength(1);
  });
});

describe('matchCreatedBoleto', () => {
  const hints = {
    amountCents: 15_000,
    dueDate: calendarDate('2026-12-10'),
    payerTaxId: '529.982.247-25',
    createdAfter: new Date('2026-11-23T12:00:00Z'),
  };
  const base: ProviderBoleto = {
    providerId: 'x',
    status: 'processing',
    amountCents: 15_000,
    dueDate: calendarDate('2026-12-10'),
    payerTaxId: '52998224725',
    createdAt: '2026-11-23T12:00:05Z',
  };
  const skew = 60_000;

  it('prefers a boleto tagged with our reference', () => {
    const ours = { ...base, providerId: 'ours', reference: referenceOf('k'), amountCents: 1 };
    const lookalike = { ...base, providerId: 'lookalike' };
    expect(matchCreatedBoleto([lookalike, ours], referenceOf('k'), hints, skew)?.providerId).toBe('ours');
  });

  it('never takes a boleto tagged for another command', () => {
    const other = { ...base, providerId: 'other', reference: referenceOf('another') };
    expect(matchCreatedBoleto([other], referenceOf('k'), hints, skew)).toBeNull();
  });

  it('falls back to amount, due date, document and creation window for untagged boletos', () => {
    const early = { ...base, providerId: 'early', createdAt: '2026-11-23T12:00:01Z' };
    const late = { ...base, providerId: 'late', createdAt: '2026-11-23T12:03:00Z' };
    expect(matchCreatedBoleto([late, early], referenceOf('k'), hints, skew)?.providerId).toBe('early');
  });

  it.each([
    ['another amount', { amountCents: 15_001 }],
    ['another due date', { dueDate: calendarDate('2026-12-11') }],
    ['another payer', { payerTaxId: '11144477735' }],
    ['creation before the window', { createdAt: '2026-11-23T11:58:00Z' }],
    ['no creation time', { createdAt: undefined }],
  ])('ignores an untagged boleto with %s', (_label, override) => {
    expect(matchCreatedBoleto([{ ...base, ...override }], referenceOf('k'), hints, skew)).toBeNull();
  });
});
