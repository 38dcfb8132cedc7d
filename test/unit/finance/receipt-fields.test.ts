import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '#domain/calendar-date';
import { isPrintedOn, readReceiptFields } from '#domain/receipt-fields';

const today = '2026-12-05' as CalendarDate;

describe('readReceiptFields', () => {
  it('reads total, date, merchant, CNPJ and payment method from an OCR text', () => {
    const text = [
      'MERCADINHO SÃO JORGE LTDA',
      'CNPJ: 11.222.333/0001-81',
      'Rua das Flores, 123 - Sao Paulo',
      '03/12/2026 14:32',
      'ARROZ 5KG ........ 27,90',
      'CAFE 5006 ........ 51,00',
      'SUBTOTAL 78,90',
      'TOTAL R$ 87,40',
      'CARTAO DEBITO 87,40',
    ].join('\n');
    expect(readReceiptFields(text, today)).toEqual({
      totalCents: 8740,
      date: '2026-12-03',
      merchant: 'Mercadinho São Jorge',
      cnpj: '11222333000181',
      paymentMethod: 'cartão de débito',
    });
  });

  it('tolerates OCR noise in the label and amount, and a total on the next line', () => {
    expect(readReceiptFields('POSTO BOA VIAGEM\nT0TAL A PAGAR\n1.234, 56\nPIX', today)).toMatchObject({
      totalCents: 123456,
      merchant: 'Posto Boa Viagem',
      paymentMethod: 'pix',
    });
    expect(readReceiptFields('VALOR TOTAL: 59.90', today).totalCents).toBe(5990);
  });

  it('leaves unreadable fields null rather than guessing', () => {
    expect(readReceiptFields('ARROZ 27,90\nFEIJAO 8,50\nQtd total de itens 2', today)).toEqual({
      totalCents: null,
      date: null,
      merchant: null,
      cnpj: null,
      paymentMethod: null,
    });
    expect(readReceiptFields('', today).merchant).toBeNull();
  });

  it('ignores dates after today, invalid dates and CNPJs with wrong check digits', () => {
    const fields = readReceiptFields(
      'LOJA X\n31/02/2026\n10/01/2027\n02/12/26\nCNPJ 11.222.333/0001-82',
      today,
    );
    expect(fields.date).toBe('2026-12-02');
    expect(fields.cnpj).toBeNull();
  });
});

describe('isPrintedOn', () => {
  it('accepts only a total that appears in the text', () => {
    expect(isPrintedOn('TOTAL R$ 87,40', 8740)).toBe(true);
    expect(isPrintedOn('TOTAL R$ 87,40', 8704)).toBe(false);
    expect(isPrintedOn('1.234,56', 123456)).toBe(true);
  });
});
