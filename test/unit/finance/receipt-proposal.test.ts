import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '#domain/calendar-date';
import { checkReceiptProposal, type ProposedReceiptFields } from '#domain/receipt-fields';

const today = '2026-12-05' as CalendarDate;
const text = [
  'MERCADINHO SAO JORGE LTDA',
  'CNPJ: 11.222.333/0001-81',
  '03/12/2026 14:32',
  'ARROZ 5KG ........ 27,90',
  'CAFE ............. 59,50',
  'A PAGAR R$ 87,40',
  'CARTAO DEBITO',
].join('\n');
const proposal: ProposedReceiptFields = {
  totalCents: 8740,
  date: '2026-12-03',
  merchant: '  Mercadinho   São Jorge ',
  cnpj: '11.222.333/0001-81',
  paymentMethod: 'cartão de débito',
};

describe('checkReceiptProposal: a model’s reading passes the text’s grounding rules or is dropped', () => {
  it('accepts a proposal whose total is printed, date past and CNPJ valid', () => {
    expect(checkReceiptProposal(proposal, text, today)).toEqual({
      fields: {
        totalCents: 8740,
        date: '2026-12-03',
        merchant: 'Mercadinho São Jorge',
        cnpj: '11222333000181',
        paymentMethod: 'cartão de débito',
      },
    });
  });

  it('takes what the proposal leaves out from the rules’ reading of the same text', () => {
    const result = checkReceiptProposal(
      { totalCents: 8740, date: null, merchant: null, cnpj: null, paymentMethod: null },
      text,
      today,
    );
    expect(result).toEqual({
      fields: {
        totalCents: 8740,
        date: '2026-12-03',
        merchant: 'Mercadinho Sao Jorge',
        cnpj: '11222333000181',
        paymentMethod: 'cartão de débito',
      },
    });
  });

  it.each([
    [{ totalCents: 9740 }, 'ungrounded_total'],
    [{ totalCents: 2790 + 5950 + 1 }, 'ungrounded_total'],
    [{ totalCents: null }, 'no_total'],
    [{ totalCents: 0 }, 'no_total'],
    [{ date: '2026-12-06' }, 'future_date'],
    [{ date: '2026-02-30' }, 'invalid_date'],
    [{ cnpj: '11.222.333/0001-82' }, 'invalid_cnpj'],
    [{ cnpj: '123.456.789-09' }, 'invalid_cnpj'],
  ] as const)('rejects %o as %s', (change, problem) => {
    expect(checkReceiptProposal({ ...proposal, ...change }, text, today)).toEqual({ problem });
  });

  it('cuts a merchant name to 60 characters and reads a blank one as missing', () => {
    const long = checkReceiptProposal({ ...proposal, merchant: 'X'.repeat(100) }, text, today);
    expect('fields' in long && long.fields.merchant).toBe('X'.repeat(60));
    const blank = checkReceiptProposal({ ...proposal, merchant: '   ' }, text, today);
    expect('fields' in blank && blank.fields.merchant).toBe('Mercadinho Sao Jorge');
  });
});
