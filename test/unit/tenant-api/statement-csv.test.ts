import { describe, expect, it } from 'vitest';
import { csvText, statementCsv } from '#application/exports/export-csv';
import { calendarDate } from '#domain/calendar-date';
import {
  type StatementPaymentLine,
  type StoredStatementLine,
  statementLinesOn,
  statementTotalsOn,
  summarizeStatement,
} from '#domain/statement';
import { aStatementBoletoLine } from '#test/support/statement-fixtures';

const line = (over: Parameters<typeof aStatementBoletoLine>[0]) =>
  aStatementBoletoLine({ dueDate: '2026-12-20', ...over });

describe('statement CSV', () => {
  const rules = { today: calendarDate('2026-12-05'), policy: { fineBps: 200, monthlyInterestBps: 100 } };
  const b1 = line({
    boletoId: 'b1',
    description: 'Parcela 1',
    status: 'partially_paid',
    paidCents: 4_000,
    dueDate: '2026-12-01',
    paidOn: calendarDate('2026-12-02'),
  });
  const b2 = line({ boletoId: 'b2', description: 'Parcela 2; final', amountCents: 123_456 });
  const b3 = line({ boletoId: 'b3', status: 'cancelled', dueDate: '2026-12-03' });
  const p1: StatementPaymentLine = {
    paymentId: 'p1',
    boletoId: 'b1',
    amountCents: 4_000,
    paidOn: calendarDate('2026-12-02'),
  };
  const summary = summarizeStatement([b2, b1, b3], [p1]);
  // Oldest first, two pages, as the export reads them.
  const stored: StoredStatementLine[][] = [
    [
      { kind: 'boleto', line: b1 },
      { kind: 'payment', line: p1 },
    ],
    [
      { kind: 'boleto', line: b3 },
      { kind: 'boleto', line: b2 },
    ],
  ];
  const statement = () => ({
    asOf: rules.today,
    totals: statementTotalsOn(summary, rules),
    pages: (async function* () {
      for (const page of stored) yield statementLinesOn(page, summary, rules);
    })(),
  });

  it('lists boletos and payments by date, then the totals over the whole statement, as the owner sees money', async () => {
    expect((await csvText(statementCsv('br', statement()))).split('\r\n')).toEqual([
      '\uFEFFdata;tipo;boleto;descrição;situação;valor (R$);pago (R$);em aberto hoje (R$)',
      '01/12/2026;boleto;b1;Parcela 1;partially_paid;100,00;;60,00',
      '02/12/2026;pagamento;b1;;parcial;;40,00;',
      '03/12/2026;boleto;b3;;cancelled;100,00;;0,00',
      '20/12/2026;boleto;b2;"Parcela 2; final";registered;1.234,56;;1.234,56',
      '05/12/2026;total;;em aberto hoje;;1.334,56;40,00;1.294,56',
      '',
    ]);
    expect(statementTotalsOn(summary, rules)).toEqual({
      boletoCount: 3,
      paymentCount: 1,
      billedCents: 133_456,
      paidCents: 4_000,
      chargesPaidCents: 0,
      chargesDueTodayCents: 0,
      openBalanceCents: 129_456,
    });
  });

  it('writes machine CSV with ISO dates and integer centavos', async () => {
    const lines = (await csvText(statementCsv('iso', statement()))).split('\r\n');
    expect(lines[0]).toBe('date,kind,boleto_id,description,status,amount_cents,paid_cents,open_cents');
    expect(lines[2]).toBe('2026-12-02,payment,b1,,partial,,4000,');
    expect(lines.at(-2)).toBe('2026-12-05,total,,open balance today,,133456,4000,129456');
  });
});
