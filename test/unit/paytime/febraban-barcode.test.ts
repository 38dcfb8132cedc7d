import { getBoletoInfo, isValidBoleto } from '@brazilian-utils/brazilian-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, type CalendarDate, calendarDate } from '#domain/calendar-date';
import { InvalidInputError } from '#domain/domain-error';
import {
  barcodeCheckDigit,
  barcodeToDigitableLine,
  buildBoletoBarcode,
  digitableLineToBarcode,
  dueDateFactor,
  dueDateOfFactor,
  formatDigitableLine,
  isValidBoletoBarcode,
  isValidDigitableLine,
  MAX_BOLETO_AMOUNT_CENTS,
  modulo10,
  parseBoletoBarcode,
} from '#domain/febraban-barcode';

// A published Itaú-style pair (bank 341): barcode and its digitable line, as shown in Paytime's samples.
const SAMPLE_BARCODE = '34199108400000010001090005834127892998860000';
const SAMPLE_LINE = '34191090080583412789529988600002910840000001000';
const FREE_FIELD = '1090005834127892998860000';

/** brazilian-utils builds due dates as local midnights (`new Date(y, m, d)`); read them back the same way. */
function localCalendarDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function localMidnight(date: CalendarDate): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day);
}

describe('dueDateFactor', () => {
  it.each([
    ['2000-07-03', 1000],
    ['2000-07-04', 1001],
    ['2025-02-21', 9999],
    ['2025-02-22', 1000],
    ['2025-02-23', 1001],
    ['2026-12-10', 1656],
  ])('%s has factor %i', (date, factor) => {
    expect(dueDateFactor(calendarDate(date))).toBe(factor);
  });

  it('restarts every 9000 days', () => {
    const date = calendarDate('2030-06-15');
    expect(dueDateFactor(addDays(date, 9000))).toBe(dueDateFactor(date));
  });

  it('refuses dates before the first factor 1000', () => {
    expect(() => dueDateFactor(calendarDate('2000-07-02'))).toThrow(InvalidInputError);
  });
});

describe('dueDateOfFactor', () => {
  it('resolves the factor to the cycle nearest the reference date', () => {
    expect(dueDateOfFactor(1000, calendarDate('2025-03-01'))).toBe('2025-02-22');
    expect(dueDateOfFactor(9999, calendarDate('2025-03-01'))).toBe('2025-02-21');
    expect(dueDateOfFactor(1000, calendarDate('2001-01-01'))).toBe('2000-07-03');
    expect(dueDateOfFactor(1656, calendarDate('2026-11-23'))).toBe('2026-12-10');
  });

  it('inverts dueDateFactor around the issue date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12_000 }),
        fc.integer({ min: -200, max: 400 }),
        (offset, ahead) => {
          const issued = addDays(calendarDate('2024-01-01'), offset);
          const due = addDays(issued, ahead);
          expect(dueDateOfFactor(dueDateFactor(due), issued)).toBe(due);
        },
      ),
    );
  });
});

describe('check digits', () => {
  it('computes módulo 10 with weights 2,1 from the right', () => {
    expect(modulo10('341910900')).toBe(8);
    expect(modulo10('0583412789')).toBe(5);
    expect(modulo10('2998860000')).toBe(2);
    expect(modulo10('0')).toBe(0);
  });

  it('computes the general módulo 11 digit of the published sample', () => {
    const withoutDv = SAMPLE_BARCODE.slice(0, 4) + SAMPLE_BARCODE.slice(5);
    expect(barcodeCheckDigit(withoutDv)).toBe(9);
  });

  it('uses 1 when 11 - remainder gives 0, 10 or 11', () => {
    // Search a free field whose raw DV would be 0, 10 or 11; the result must then be 1.
    let found = 0;
    for (let n = 0; n < 200 && found < 3; n += 1) {
      const body = `3419${'1000'}${'0000010000'}${String(n).padStart(25, '0')}`;
      let sum = 0;
      let weight = 2;
      for (let i = body.length - 1; i >= 0; i -= 1) {
        sum += Number(body[i]) * weight;
        weight = weight === 9 ? 2 : weight + 1;
      }
      const raw = 11 - (sum % 11);
      if (raw === 10 || raw === 11) {
        expect(barcodeCheckDigit(body)).toBe(1);
        found += 1;
      }
    }
    expect(found).toBeGreaterThan(0);
  });
});

describe('buildBoletoBarcode', () => {
  it('lays out bank, currency, DV, factor, amount and free field', () => {
    const barcode = buildBoletoBarcode({
      bankCode: '341',
      dueDate: calendarDate('2026-12-10'),
      amountCents: 15000,
      freeField: FREE_FIELD,
    });
    expect(barcode).toHaveLength(44);
    expect(barcode.slice(0, 3)).toBe('341');
    expect(barcode[3]).toBe('9');
    expect(barcode.slice(5, 9)).toBe('1656');
    expect(barcode.slice(9, 19)).toBe('0000015000');
    expect(barcode.slice(19)).toBe(FREE_FIELD);
    expect(isValidBoletoBarcode(barcode)).toBe(true);
  });

  it('writes factor 0000 for a boleto without due date', () => {
    const barcode = buildBoletoBarcode({
      bankCode: '001',
      dueDate: null,
      amountCents: 1,
      freeField: FREE_FIELD,
    });
    expect(barcode.slice(5, 9)).toBe('0000');
    expect(isValidBoletoBarcode(barcode)).toBe(true);
  });

  it('reproduces the published sample', () => {
    const parts = parseBoletoBarcode(SAMPLE_BARCODE);
    const rebuilt = buildBoletoBarcode({
      bankCode: parts.bankCode,
      dueDate: dueDateOfFactor(parts.dueDateFactor, calendarDate('2025-05-01')),
      amountCents: parts.amountCents,
      freeField: parts.freeField,
    });
    expect(rebuilt).toBe(SAMPLE_BARCODE);
  });

  it.each([
    ['bank code', { bankCode: '34' }],
    ['free field', { freeField: '123' }],
    ['negative amount', { amountCents: -1 }],
    ['fractional amount', { amountCents: 1.5 }],
    ['amount beyond 10 digits', { amountCents: MAX_BOLETO_AMOUNT_CENTS + 1 }],
  ])('rejects a malformed %s', (_label, override) => {
    const input = {
      bankCode: '341',
      dueDate: calendarDate('2026-12-10'),
      amountCents: 100,
      freeField: FREE_FIELD,
      ...override,
    };
    expect(() => buildBoletoBarcode(input)).toThrow(InvalidInputError);
  });
});

describe('digitable line', () => {
  it('converts the published barcode into its published line and back', () => {
    expect(barcodeToDigitableLine(SAMPLE_BARCODE)).toBe(SAMPLE_LINE);
    expect(digitableLineToBarcode(SAMPLE_LINE)).toBe(SAMPLE_BARCODE);
    expect(isValidDigitableLine(SAMPLE_LINE)).toBe(true);
  });

  it('formats the line in five printed groups and reads the formatted form back', () => {
    const formatted = formatDigitableLine(SAMPLE_LINE);
    expect(formatted).toBe('34191.09008 05834.127895 29988.600002 9 10840000001000');
    expect(isValidDigitableLine(formatted)).toBe(true);
    expect(digitableLineToBarcode(formatted)).toBe(SAMPLE_BARCODE);
  });

  it('detects a changed digit in any field', () => {
    for (const index of [2, 12, 25, 32, 40]) {
      const digit = SAMPLE_LINE[index] === '0' ? '1' : '0';
      const changed = SAMPLE_LINE.slice(0, index) + digit + SAMPLE_LINE.slice(index + 1);
      expect(isValidDigitableLine(changed)).toBe(false);
      expect(isValidBoleto(changed)).toBe(false);
    }
  });

  it('rejects wrong lengths and non-digits', () => {
    expect(isValidDigitableLine(SAMPLE_LINE.slice(1))).toBe(false);
    expect(isValidBoletoBarcode(`${SAMPLE_BARCODE.slice(0, 43)}x`)).toBe(false);
    expect(() => barcodeToDigitableLine('123')).toThrow(InvalidInputError);
  });
});

describe('generated boletos against @brazilian-utils/brazilian-utils', () => {
  it('pass isValidBoleto and read back the same amount and due date', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{3}$/),
        fc.integer({ min: 1, max: MAX_BOLETO_AMOUNT_CENTS }),
        fc.integer({ min: 0, max: 3000 }),
        fc.stringMatching(/^\d{25}$/),
        (bankCode, amountCents, offset, freeField) => {
          const dueDate = addDays(calendarDate('2025-01-01'), offset);
          const line = barcodeToDigitableLine(
            buildBoletoBarcode({ bankCode, dueDate, amountCents, freeField }),
          );
          expect(isValidBoleto(line)).toBe(true);
          const info = getBoletoInfo(line, { referenceDate: localMidnight(dueDate) });
          expect(info?.amount).toBe(amountCents);
          expect(info?.bankCode).toBe(bankCode);
          expect(info?.expirationDate && localCalendarDate(info.expirationDate)).toBe(dueDate);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agrees on the factor reset: 21/02/2025 and 22/02/2025', () => {
    for (const [date, factor] of [
      ['2025-02-21', '9999'],
      ['2025-02-22', '1000'],
    ] as const) {
      const dueDate = calendarDate(date);
      const line = barcodeToDigitableLine(
        buildBoletoBarcode({ bankCode: '341', dueDate, amountCents: 15000, freeField: FREE_FIELD }),
      );
      expect(line.slice(33, 37)).toBe(factor);
      const info = getBoletoInfo(line, { referenceDate: localMidnight(dueDate) });
      expect(info?.expirationDate && localCalendarDate(info.expirationDate)).toBe(date);
    }
  });
});
