import { describe, expect, it } from 'vitest';
import {
  nationalPhoneOf,
  normalizeDocument,
  splitPayerName,
  toBilletBody,
} from '#adapters/paytime/paytime-create-body';
import { describeWithReference, referenceIn, referenceOf } from '#adapters/paytime/paytime-reference';
import { BillingProviderRejectedError, type CreateBoletoRequest } from '#application/ports/billing-provider';
import { calendarDate } from '#domain/calendar-date';
import { sampleRequest } from './sample-request';

describe('toBilletBody', () => {
  it('maps amount, dates, client and instructions to Paytime field names', () => {
    const body = toBilletBody(sampleRequest());
    expect(body).toMatchObject({
      amount: 15_000,
      expiration: '2026-12-10',
      payment_limit_date: '2026-12-20',
      recharge: false,
      client: {
        first_name: 'João',
        last_name: 'da Silva',
        document: '52998224725',
        email: 'joao@example.com',
        phone: '11987654321',
      },
      instruction: {
        booklet: false,
        late_fee: { mode: 'PERCENTAGE', amount: 2 },
        interest: { mode: 'MONTHLY_PERCENTAGE', amount: 1 },
        discount: { mode: 'PERCENTAGE', amount: 2.5, limit_date: '2026-12-05' },
      },
    });
    expect(body.client.address).toBeUndefined();
  });

  it('puts the command-key reference in the description', () => {
    const request = sampleRequest();
    const body = toBilletBody(request);
    expect(body.instruction.description).toBe(
      `Aulas de violão - dezembro (ref ${referenceOf(request.commandKey)})`,
    );
    expect(referenceIn(body.instruction.description)).toBe(referenceOf(request.commandKey));
  });

  it('leaves out zero fine, interest and discount', () => {
    const body = toBilletBody(
      sampleRequest({ instructions: { fineBps: 0, monthlyInterestBps: 0, discount: undefined } }),
    );
    expect(body.instruction.late_fee).toBeUndefined();
    expect(body.instruction.interest).toBeUndefined();
    expect(body.instruction.discount).toBeUndefined();
  });

  it('uses the default e-mail for a payer without one and maps an address', () => {
    const body = toBilletBody(
      sampleRequest({
        payer: {
          name: 'Maria',
          taxId: '52998224725',
          address: {
            street: 'Rua A',
            number: '10',
            neighborhood: 'Centro',
            city: 'São Paulo',
            state: 'SP',
            zipCode: '01001-000',
          },
        },
      }),
      { defaultPayerEmail: 'cobranca@loja.example' },
    );
    expect(body.client).toEqual({
      first_name: 'Maria',
      last_name: 'Maria',
      document: '52998224725',
      email: 'cobranca@loja.example',
      address: {
        street: 'Rua A',
        number: '10',
        neighborhood: 'Centro',
        city: 'São Paulo',
        state: 'SP',
        zip_code: '01001000',
      },
    });
  });

  it.each([
    ['zero amount', { amountCents: 0 }],
    ['fractional amount', { amountCents: 10.5 }],
    ['limit before due date', { paymentLimitDate: calendarDate('2026-12-01') }],
    ['empty command key', { commandKey: ' ' }],
    ['bad tax id', { payer: { name: 'Ana', taxId: '123' } }],
    ['fine over 100%', { instructions: { fineBps: 10_001, monthlyInterestBps: 0 } }],
  ])('refuses %s before any call', (_label, override) => {
    expect(() => toBilletBody(sampleRequest(override as Partial<CreateBoletoRequest>))).toThrow(
      BillingProviderRejectedError,
    );
  });
});

describe('payer fields', () => {
  it('splits a person at the first space and keeps a company name whole', () => {
    expect(splitPayerName('Ana Maria Souza', '52998224725')).toEqual({
      first_name: 'Ana',
      last_name: 'Maria Souza',
    });
    expect(splitPayerName('Padaria Pão Bom LTDA', '11222333000181')).toEqual({
      first_name: 'Padaria Pão Bom LTDA',
      last_name: 'Padaria Pão Bom LTDA',
    });
  });

  it('normalises documents and phones', () => {
    expect(normalizeDocument('11.222.333/0001-81')).toBe('11222333000181');
    expect(normalizeDocument('12.abc.345/01de-35')).toBe('12ABC34501DE35');
    expect(nationalPhoneOf('+5531992831124')).toBe('31992831124');
    expect(nationalPhoneOf('+351912345678')).toBe('351912345678');
  });
});

describe('paytime reference', () => {
  it('is stable per command key and differs between keys', () => {
    expect(referenceOf('a')).toBe(referenceOf('a'));
    expect(referenceOf('a')).not.toBe(referenceOf('b'));
    expect(referenceOf('a')).toMatch(/^IRIS-[0-9a-f]{16}$/);
  });

  it('clips long descriptions but always keeps the tag', () => {
    const text = describeWithReference('x'.repeat(300), 'key');
    expect(text.length).toBeLessThan(100);
    expect(referenceIn(text)).toBe(referenceOf('key'));
    expect(describeWithReference('', 'key')).toBe(`(ref ${referenceOf('key')})`);
  });

  it('finds no reference where there is none', () => {
    expect(referenceIn('Venda por Boleto')).toBeUndefined();
    expect(referenceIn(null)).toBeUndefined();
  });
});
