import { describe, expect, it } from 'vitest';
import type { Interpretation } from '#application/ports/language-model';
import {
  entryDate,
  requiresConfirmation,
  type ValidationContext,
  validateRequest,
} from '#application/request-validation';
import { type CalendarDate, calendarDate } from '#domain/calendar-date';

const today = calendarDate('2026-11-23');
const context: ValidationContext = { today, usualMaxCents: 500_000 };

function boleto(overrides: Partial<Interpretation> = {}): Interpretation {
  return {
    intent: 'create_boleto',
    amountCents: 15_000,
    contact: 'João',
    date: calendarDate('2026-12-10'),
    description: null,
    source: 'deterministic',
    ...overrides,
  };
}

const codes = (interpretation: Interpretation, ctx: ValidationContext = context) =>
  validateRequest(interpretation, ctx).map((issue) => issue.code);

describe('validateRequest', () => {
  describe('create_boleto', () => {
    it('has nothing to ask when amount, contact and a future due date are there', () => {
      expect(validateRequest(boleto(), context)).toEqual([]);
    });

    it('accepts a due date of today', () => {
      expect(codes(boleto({ date: today }))).toEqual([]);
    });

    it('asks for every missing field, amount first', () => {
      const issues = validateRequest(boleto({ amountCents: null, contact: null, date: null }), context);
      expect(issues).toEqual([
        { code: 'missing_amount', field: 'amount', question: 'Qual o valor do boleto?' },
        { code: 'missing_contact', field: 'contact', question: 'Para quem é o boleto?' },
        { code: 'missing_due_date', field: 'date', question: 'Qual a data de vencimento?' },
      ]);
    });

    it('refuses a due date in the past with the date in the question', () => {
      const [issue] = validateRequest(boleto({ date: calendarDate('2026-11-10') }), context);
      expect(issue).toEqual({
        code: 'due_date_in_past',
        field: 'date',
        question: 'A data 10/11/2026 já passou. Qual o vencimento?',
      });
    });

    it('questions a due date more than a year away', () => {
      expect(codes(boleto({ date: calendarDate('2028-01-10') }))).toEqual(['due_date_too_far']);
    });

    it('asks to confirm an amount above the usual range, formatted in reais', () => {
      const [issue] = validateRequest(boleto({ amountCents: 100_000_000 }), context);
      expect(issue).toEqual({
        code: 'amount_unusual',
        field: 'amount',
        question: 'O valor R$ 1.000.000,00 está bem acima do seu normal. Confirma?',
      });
    });

    it('accepts the usual maximum itself', () => {
      expect(codes(boleto({ amountCents: 500_000 }))).toEqual([]);
    });

    it('refuses an amount above a hard limit before calling it unusual', () => {
      expect(codes(boleto({ amountCents: 2_000_000 }), { ...context, maxAmountCents: 1_000_000 })).toEqual([
        'amount_above_limit',
      ]);
    });

    it('refuses a zero amount', () => {
      expect(codes(boleto({ amountCents: 0 }))).toEqual(['amount_not_positive']);
    });
  });

  describe('record_expense and record_income', () => {
    const expense = (overrides: Partial<Interpretation> = {}) =>
      boleto({ intent: 'record_expense', contact: null, date: null, ...overrides });

    it('needs only an amount: no date means today', () => {
      expect(codes(expense())).toEqual([]);
      expect(entryDate(expense(), today)).toBe(today);
      expect(entryDate(expense({ date: calendarDate('2026-11-05') }), today)).toBe('2026-11-05');
    });

    it('asks for a missing amount in the words of the intent', () => {
      expect(validateRequest(expense({ amountCents: null }), context)[0]?.question).toBe(
        'Qual o valor do gasto?',
      );
      expect(
        validateRequest(expense({ intent: 'record_income', amountCents: null }), context)[0]?.question,
      ).toBe('Qual o valor recebido?');
    });

    it('questions money that moved on a future date', () => {
      expect(codes(expense({ date: calendarDate('2026-12-01') }))).toEqual(['entry_date_in_future']);
    });

    it('checks the usual entry size only when the tenant set one', () => {
      const large = expense({ amountCents: 4_500_000 });
      expect(codes(large)).toEqual([]);
      expect(codes(large, { ...context, usualMaxEntryCents: 1_000_000 })).toEqual(['amount_unusual']);
    });
  });

  describe('check_status and cancel_boleto', () => {
    it('needs a contact', () => {
      expect(codes(boleto({ intent: 'check_status', contact: null }))).toEqual(['missing_contact']);
      expect(codes(boleto({ intent: 'cancel_boleto', contact: null }))).toEqual(['missing_contact']);
      expect(codes(boleto({ intent: 'cancel_boleto', amountCents: null, date: null }))).toEqual([]);
    });
  });

  it.each(['list_receivables', 'ledger_summary', 'confirm', 'deny', 'help', 'unknown'] as const)(
    'has nothing to ask for %s',
    (intent) => {
      const nothing = { amountCents: null, contact: null, date: null as CalendarDate | null };
      expect(codes(boleto({ intent, ...nothing }))).toEqual([]);
    },
  );
});

describe('requiresConfirmation', () => {
  it('holds creating or cancelling a boleto until the owner says yes', () => {
    expect(requiresConfirmation('create_boleto')).toBe(true);
    expect(requiresConfirmation('cancel_boleto')).toBe(true);
    expect(requiresConfirmation('record_expense')).toBe(false);
    expect(requiresConfirmation('record_income')).toBe(false);
    expect(requiresConfirmation('check_status')).toBe(false);
    expect(requiresConfirmation('help')).toBe(false);
  });
});
