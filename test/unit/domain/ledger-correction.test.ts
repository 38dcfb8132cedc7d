import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '#domain/calendar-date';
import {
  type CorrectableEntry,
  correctableEntries,
  EntryNotCorrectableError,
  replacementOf,
  reversalOf,
} from '#domain/ledger-correction';

const gasolina: CorrectableEntry = {
  entryId: 'wamid1',
  kind: 'expense',
  date: '2026-12-03' as CalendarDate,
  amountCents: 4500,
  category: 'transporte',
  description: 'gasolina',
  createdAt: '2026-12-03T12:00:00.000Z',
};
const at = '2026-12-05T12:00:00.000Z';
const sum = (entries: CorrectableEntry[]) => entries.reduce((total, e) => total + e.amountCents, 0);

describe('ledger corrections', () => {
  it('a reversal negates the entry and names it, so the sum nets to zero', () => {
    const reversal = reversalOf(gasolina, at);
    expect(reversal).toMatchObject({ amountCents: -4500, corrects: 'wamid1', correction: 'reversal' });
    expect(reversal.date).toBe(gasolina.date);
    expect(sum([gasolina, reversal])).toBe(0);
  });

  it('a new amount is a reversal plus a replacement: the total becomes the right amount', () => {
    const entries = [gasolina, reversalOf(gasolina, at), replacementOf(gasolina, { amountCents: 5400 }, at)];
    expect(sum(entries)).toBe(5400);
  });

  it('a new category moves the amount from one category to the other', () => {
    const entries = [gasolina, reversalOf(gasolina, at), replacementOf(gasolina, { category: 'contas' }, at)];
    const of = (category: string) => sum(entries.filter((e) => e.category === category));
    expect(of('transporte')).toBe(0);
    expect(of('contas')).toBe(4500);
  });

  it('a reversal is never reversed, and a reversed entry is no longer correctable', () => {
    const reversal = reversalOf(gasolina, at);
    expect(() => reversalOf(reversal, at)).toThrow(EntryNotCorrectableError);
    expect(correctableEntries([gasolina, reversal])).toEqual([]);
  });

  it('the replacement stays correctable; a boleto payment never is', () => {
    const replacement = replacementOf(gasolina, { amountCents: 5400 }, at);
    const payment = { ...gasolina, entryId: 'pay1', boletoId: 'b1' };
    expect(correctableEntries([gasolina, reversalOf(gasolina, at), replacement, payment])).toEqual([
      replacement,
    ]);
    expect(() => reversalOf(payment, at)).toThrow(EntryNotCorrectableError);
  });

  it('the reversal id derives from the entry (one reversal per entry)', () => {
    expect(reversalOf(gasolina, at).entryId).toBe(reversalOf(gasolina, '2027-01-01T00:00:00.000Z').entryId);
  });

  it('refuses a replacement amount that is not positive', () => {
    expect(() => replacementOf(gasolina, { amountCents: 0 }, at)).toThrow(EntryNotCorrectableError);
  });
});
