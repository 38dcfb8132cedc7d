import { describe, expect, it } from 'vitest';
import { calendarDate } from '#domain/calendar-date';
import { statementLinesOn, statementTotalsOn, summarizeStatement } from '#domain/statement';
import { aStatementBoletoLine } from '#test/support/statement-fixtures';

const line = (over: Parameters<typeof aStatementBoletoLine>[0]) =>
  aStatementBoletoLine({ amountCents: 30_000, dueDate: '2026-11-25', ...over });

describe('statement summary (kept by the projector) and totals (computed on the day read)', () => {
  const policy = { fineBps: 200, monthlyInterestBps: 100 };
  const boletos = [
    line({ boletoId: 'open-overdue' }),
    line({ boletoId: 'short', status: 'partially_paid', amountCents: 20_000, paidCents: 5_000 }),
    line({ boletoId: 'paid', status: 'paid', amountCents: 10_000, paidCents: 10_000, chargesPaidCents: 210 }),
    line({ boletoId: 'cancelled', status: 'cancelled', amountCents: 40_000 }),
  ];
  const payments = [
    { paymentId: 'p1', boletoId: 'paid', amountCents: 10_210, paidOn: calendarDate('2026-11-13') },
    { paymentId: 'p2', boletoId: 'short', amountCents: 5_000, paidOn: calendarDate('2026-11-18') },
  ];
  const summary = summarizeStatement(boletos, payments);

  it('keeps nothing that depends on today: the overdue charges grow with the day the totals are read', () => {
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
    const before = statementTotalsOn(summary, { today: calendarDate('2026-11-25'), policy });
    const after = statementTotalsOn(summary, { today: calendarDate('2026-12-05'), policy });
    expect(before.chargesDueTodayCents).toBe(0);
    // R$ 300 overdue since 25/11: fine R$ 6,00 + 10 days of 1%/30 = R$ 1,00; plus R$ 150 left short.
    expect(after).toMatchObject({ billedCents: 60_000, chargesDueTodayCents: 700 });
    expect(after.openBalanceCents - before.openBalanceCents).toBe(700);
  });

  it('adds up to the same open balance and charges as the lines shown on that day', () => {
    const rules = { today: calendarDate('2026-12-05'), policy };
    const shown = statementLinesOn(
      [
        ...boletos.map((b) => ({ kind: 'boleto' as const, line: b })),
        ...payments.map((p) => ({ kind: 'payment' as const, line: p })),
      ],
      summary,
      rules,
    );
    const totals = statementTotalsOn(summary, rules);
    let open = 0;
    let charges = 0;
    for (const entry of shown) {
      if (entry.kind !== 'boleto') continue;
      open += entry.openCents;
      charges += entry.chargesTodayCents;
    }
    expect(open).toBe(totals.openBalanceCents);
    expect(charges).toBe(totals.chargesDueTodayCents);
    expect(shown.flatMap((p) => (p.kind === 'payment' ? [[p.paymentId, p.partial]] : []))).toEqual([
      ['p1', false],
      ['p2', true],
    ]);
  });
});
