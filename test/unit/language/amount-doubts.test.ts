import { describe, expect, it } from 'vitest';
import { refusalOfBoletoRequest, validateRequest } from '#application/request-validation';
import { calendarDate } from '#domain/calendar-date';
import { parseMessage } from '#language/parser';

const today = calendarDate('2026-12-05');
const context = { today, usualMaxCents: 500_000 };

describe('amounts IRIS must not take as read', () => {
  it.each([
    ['cobra -50 do João dia 20', 5000],
    ['cobra R$ -50,00 do João dia 20', 5000],
    ['cobra menos 50 do João dia 20', 5000],
  ])('"%s" is not R$ 50,00: no amount, a negative-amount doubt', (text, cents) => {
    const interpretation = parseMessage(text, today);
    expect(interpretation.amountCents).toBeNull();
    expect(interpretation.amountDoubt).toEqual({ kind: 'negative_amount', amountCents: cents });
    const [issue] = validateRequest(interpretation, context);
    expect(issue?.code).toBe('amount_negative');
    expect(issue?.question).toContain('negativo');
  });

  it.each(['cobra 1e9 do João dia 20', 'cobra 1.5e3 do João dia 20'])(
    '"%s" is not R$ 1,00 or R$ 9,00',
    (text) => {
      const interpretation = parseMessage(text, today);
      expect(interpretation.amountCents).toBeNull();
      expect(interpretation.amountDoubt?.kind).toBe('unreadable_amount');
      expect(validateRequest(interpretation, context)[0]?.question).toMatch(
        /^Não entendi o valor "1(\.5)?e\d"/,
      );
    },
  );

  it('"100 do João e 200 da Maria" never drops Maria: both charges are named in the question', () => {
    const interpretation = parseMessage('cobra 100 do João e 200 da Maria dia 20', today);
    expect(interpretation.amountDoubt).toEqual({
      kind: 'several_charges',
      charges: [
        { amountCents: 10000, contact: 'João' },
        { amountCents: 20000, contact: 'Maria' },
      ],
    });
    const refusal = refusalOfBoletoRequest(interpretation, { today });
    expect(refusal?.code).toBe('several_charges');
    expect(refusal?.question).toContain('R$ 100,00 de João e R$ 200,00 de Maria');
  });

  it('keeps what is fine: a range of dates, a quantity, one charge with one name', () => {
    expect(parseMessage('cobra 150 do João dia 10-12', today)).toMatchObject({ amountCents: 15000 });
    expect(parseMessage('cobra 150 do João dia 10-12', today).amountDoubt).toBeUndefined();
    expect(parseMessage('3 bolos de 40 do João', today).amountDoubt).toBeUndefined();
    expect(parseMessage('cobra 150 reais do João e da Maria dia 20', today).amountDoubt).toBeUndefined();
    expect(parseMessage('gastei 45 no mercado e 30 na farmácia', today).amountDoubt).toBeUndefined();
  });

  it('an expense with a negative amount is asked about, not booked', () => {
    const issues = validateRequest(parseMessage('gastei -45 no mercado', today), context);
    expect(issues[0]?.code).toBe('amount_negative');
  });
});

describe('the due date horizon (one year)', () => {
  it('refuses 2099 with a clear question naming the last date allowed', () => {
    const interpretation = parseMessage('cobra 100 do João dia 20/12/2099', today);
    expect(interpretation.date).toBe('2099-12-20');
    const refusal = refusalOfBoletoRequest(interpretation, { today });
    expect(refusal?.code).toBe('due_date_too_far');
    expect(refusal?.question).toBe(
      'O vencimento 20/12/2099 passa do limite de um ano (até 06/12/2027). Qual o vencimento? ' +
        'Mande o pedido de novo com a data certa.',
    );
  });

  it('accepts a due date within a year, and has nothing to refuse in an ordinary request', () => {
    const interpretation = parseMessage('cobra 100 do João dia 20/11/2027', today);
    expect(refusalOfBoletoRequest(interpretation, { today })).toBeUndefined();
    expect(
      refusalOfBoletoRequest(parseMessage('cobra 150 reais do João dia 10', today), { today }),
    ).toBeUndefined();
  });
});
