import { describe, expect, it } from 'vitest';
import { paymentReceivedText } from '#application/payments/payment-notices-pt-br';
import {
  amountDueText,
  type ReminderFacts,
  reminderEmail,
  reminderTemplate,
  reminderWhatsAppText,
} from '#application/reminders/reminder-messages-pt-br';
import { calendarDate } from '#domain/calendar-date';
import { LEGAL_MAXIMUM_POLICY } from '#domain/interest-policy';
import { lateCharges } from '#domain/late-charges';
import { reminderPhase } from '#domain/reminder-cadence';
import { reminderLoopTransitions } from '#workflows/reminder-loop-workflow';

const due = calendarDate('2026-12-05'); // a Saturday: payable on Monday 07/12 without charges

function facts(today: string, description = 'Aulas <violão> & teoria'): ReminderFacts {
  const day = calendarDate(today);
  return {
    contactName: 'Maria Aparecida Souza',
    businessName: 'Escola Harmonia',
    boleto: {
      description,
      dueDate: due,
      provider: {
        providerId: 'p1',
        digitableLine: '34191090080000421500012345000009116560000015000',
        barcode: '34191165600000150001090000004215001234500000',
      },
    },
    phase: reminderPhase(due, day),
    due: lateCharges(15_000, due, day, LEGAL_MAXIMUM_POLICY),
    today: day,
  };
}

describe('reminder messages (pt-BR)', () => {
  it('says a weekend due date can still be paid on the next business day without charges', () => {
    const text = reminderWhatsAppText(facts('2026-12-07'));
    expect(text).toContain('Olá, Maria!');
    expect(text).toContain('venceu em 05/12/2026 e pode ser pago até 07/12/2026 sem multa nem juros');
    expect(text).toContain('R$ 150,00');
    expect(text).toContain('34191.09008 00004.215000 12345.000009 1 16560000015000');
  });

  it('states the amount due today, with fine and interest, once overdue', () => {
    const late = facts('2026-12-08');
    expect(amountDueText(late.due)).toBe('R$ 153,15 (R$ 150,00 + R$ 3,00 de multa + R$ 0,15 de juros)');
    expect(reminderWhatsAppText(late)).toContain('venceu em 05/12/2026 (há 3 dias)');
    expect(reminderTemplate(late)).toEqual({
      name: 'iris_lembrete_boleto_vencido',
      languageCode: 'pt_BR',
      parameters: [
        'Maria',
        'Escola Harmonia',
        'R$ 153,15',
        '05/12/2026',
        '3',
        '34191.09008 00004.215000 12345.000009 1 16560000015000',
      ],
    });
  });

  it('keeps template parameters on one line and escapes the e-mail HTML', () => {
    const template = reminderTemplate(facts('2026-12-02'));
    expect(template.name).toBe('iris_lembrete_boleto');
    for (const parameter of template.parameters) expect(parameter).not.toMatch(/[\n\t]/);
    const email = reminderEmail(facts('2026-12-20'));
    expect(email.subject).toBe('Boleto vencido em 05/12/2026: R$ 153,75 - Escola Harmonia');
    expect(email.html).toContain('Aulas &lt;violão&gt; &amp; teoria');
    expect(email.html).not.toContain('<violão>');
    expect(email.text).toContain('responda PARAR no WhatsApp');
  });
});

describe('payment notices (pt-BR)', () => {
  const boleto = { id: 'b1', amountCents: 15_000, description: 'Aulas de violão', dueDate: due };
  const base = { contactName: 'João', boleto, paidOn: calendarDate('2026-12-09'), overpaid: false };

  it('says who paid how much, with charges apart, and what is missing on a partial payment', () => {
    expect(paymentReceivedText({ ...base, paidCents: 15_000, chargesCents: 0, remainingCents: 0 })).toBe(
      '💰 João pagou R$ 150,00 em 09/12/2026 (Aulas de violão, vencimento 05/12/2026).',
    );
    expect(
      paymentReceivedText({ ...base, paidCents: 15_320, chargesCents: 320, remainingCents: 0 }),
    ).toContain('pagou R$ 153,20 (R$ 150,00 + R$ 3,20 de multa e juros)');
    expect(
      paymentReceivedText({ ...base, paidCents: 5_000, chargesCents: 0, remainingCents: 10_000 }),
    ).toContain('Faltam R$ 100,00');
    expect(
      paymentReceivedText({
        ...base,
        paidCents: 20_000,
        chargesCents: 5_000,
        remainingCents: 0,
        overpaid: true,
      }),
    ).toContain('acima do esperado');
  });
});

describe('reminder loop cost formula', () => {
  it('is three transitions per turn plus the last state', () => {
    expect(reminderLoopTransitions(7)).toBe(15);
    expect(reminderLoopTransitions(0)).toBe(1);
    expect(() => reminderLoopTransitions(-1)).toThrow(RangeError);
  });
});
