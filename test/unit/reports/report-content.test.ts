import { describe, expect, it } from 'vitest';
import type { Boleto } from '#domain/boleto';
import { calendarDate } from '#domain/calendar-date';
import { type ReportEntry, reportContent } from '#domain/report-content';
import {
  firstBusinessDayOfMonth,
  monthPeriod,
  periodKey,
  periodTitle,
  previousMonthPeriod,
  previousWeekPeriod,
} from '#domain/report-period';

const d = calendarDate;
const november = monthPeriod('2026-11');
const emptyAging = {
  currentCents: 0,
  overdueCents: { days0To30: 0, days31To60: 0, days61To90: 0, days91To120: 0, daysOver120: 0 },
  totalCents: 0,
};

function boleto(over: Partial<Boleto> & Pick<Boleto, 'id' | 'contactId' | 'amountCents'>): Boleto {
  return {
    tenantId: 't1',
    dueDate: d('2026-11-10'),
    description: 'serviço',
    status: 'sent',
    paidCents: 0,
    chargesPaidCents: 0,
    paymentIds: [],
    version: 1,
    createdAt: '2026-11-02T12:00:00.000Z',
    updatedAt: '2026-11-02T12:00:00.000Z',
    commandKey: `cmd-${over.id}`,
    ...over,
  };
}

const names: Record<string, string> = { c1: 'Ana Souza', c2: 'Bruno Lima', c3: 'Carla Dias' };

function build(entries: ReportEntry[], boletos: Boleto[] = [], asOf = d('2026-12-01')) {
  return reportContent({
    tenantName: 'Padaria',
    period: november,
    asOf,
    entries,
    boletos,
    budgets: [
      { category: 'alimentação', limitCents: 80_000, spentCents: 1, remainingCents: 79_999, usedPercent: 0 },
    ],
    aging: emptyAging,
    contactName: (id) => names[id] ?? '?',
  });
}

describe('reportContent', () => {
  const entries: ReportEntry[] = [
    { kind: 'expense', date: d('2026-11-03'), amountCents: 45_090, category: 'alimentação' },
    { kind: 'expense', date: d('2026-11-20'), amountCents: 23_411, category: 'alimentação' },
    { kind: 'expense', date: d('2026-11-21'), amountCents: 12_000, category: 'transporte' },
    // a reversal of the transport expense: nets out by addition
    { kind: 'expense', date: d('2026-11-22'), amountCents: -12_000, category: 'transporte' },
    { kind: 'income', date: d('2026-11-15'), amountCents: 150_000, category: 'vendas' },
    { kind: 'income', date: d('2026-11-18'), amountCents: 30_050, category: 'boletos', boletoId: 'b1' },
    { kind: 'income', date: d('2026-11-25'), amountCents: 10_000, category: 'boletos', boletoId: 'b2' },
    { kind: 'income', date: d('2026-11-26'), amountCents: 5_000, category: 'boletos', boletoId: 'b3' },
    // outside the period: ignored
    { kind: 'expense', date: d('2026-12-01'), amountCents: 99_999, category: 'alimentação' },
  ];
  const boletos = [
    boleto({ id: 'b1', contactId: 'c1', amountCents: 30_050, status: 'paid', paidCents: 30_050 }),
    boleto({
      id: 'b2',
      contactId: 'c2',
      amountCents: 20_000,
      status: 'partially_paid' as Boleto['status'],
      paidCents: 10_000,
    }),
    boleto({ id: 'b3', contactId: 'c1', amountCents: 5_000, status: 'paid', paidCents: 5_000 }),
    boleto({ id: 'b4', contactId: 'c3', amountCents: 70_000, dueDate: d('2026-11-20') }),
    boleto({ id: 'b5', contactId: 'c3', amountCents: 1_000, dueDate: d('2026-12-20') }),
    // issued in October, late: counts as late, not as issued
    boleto({
      id: 'b6',
      contactId: 'c2',
      amountCents: 8_000,
      dueDate: d('2026-10-20'),
      createdAt: '2026-10-01T12:00:00.000Z',
    }),
    // a failed creation was never issued
    boleto({ id: 'b7', contactId: 'c2', amountCents: 9_000, status: 'failed' }),
  ];

  it('totals income, expenses and balance in centavos, netting reversals and ignoring other periods', () => {
    const report = build(entries, boletos);
    expect(report.incomeCents).toBe(150_000 + 30_050 + 10_000 + 5_000);
    expect(report.expenseCents).toBe(45_090 + 23_411);
    expect(report.balanceCents).toBe(195_050 - 68_501);
  });

  it('lists categories largest expense first and drops a category that nets to zero', () => {
    const report = build(entries, boletos);
    expect(report.categories).toEqual([
      { category: 'alimentação', incomeCents: 0, expenseCents: 68_501 },
      { category: 'vendas', incomeCents: 150_000, expenseCents: 0 },
      { category: 'boletos', incomeCents: 45_050, expenseCents: 0 },
    ]);
  });

  it("carries the budgets as read (their figures are the ledger projection's, not recomputed here)", () => {
    expect(build(entries, boletos).budgets).toEqual([
      { category: 'alimentação', limitCents: 80_000, spentCents: 1, remainingCents: 79_999, usedPercent: 0 },
    ]);
  });

  it('counts boletos issued in the period, payments booked in it, and late ones as of the report day', () => {
    const report = build(entries, boletos);
    expect(report.boletos.issued).toEqual({ count: 5, cents: 30_050 + 20_000 + 5_000 + 70_000 + 1_000 });
    expect(report.boletos.paid).toEqual({ count: 3, cents: 45_050 });
    // b4 (70.000, due 20/11) and b6 (8.000, due 20/10); b5 is not due yet; b2, partially paid, is not
    // payable (its remainder is charged by a new boleto)
    expect(report.boletos.late).toEqual({ count: 2, cents: 70_000 + 8_000 });
  });

  it('ranks payers by what they paid and late payers by what they owe', () => {
    const report = build(entries, boletos);
    expect(report.topPayers).toEqual([
      { contactId: 'c1', name: 'Ana Souza', cents: 35_050, count: 2 },
      { contactId: 'c2', name: 'Bruno Lima', cents: 10_000, count: 1 },
    ]);
    expect(report.latePayers).toEqual([
      { contactId: 'c3', name: 'Carla Dias', cents: 70_000, count: 1 },
      { contactId: 'c2', name: 'Bruno Lima', cents: 8_000, count: 1 },
    ]);
  });

  it('has nothing to list for an empty month', () => {
    const report = build([]);
    expect(report).toMatchObject({ incomeCents: 0, expenseCents: 0, balanceCents: 0, categories: [] });
    expect(report.boletos.late).toEqual({ count: 0, cents: 0 });
  });
});

describe('report periods', () => {
  it('the first business day skips weekends and FEBRABAN holidays', () => {
    expect(firstBusinessDayOfMonth(d('2026-11-15'))).toBe('2026-11-03'); // 01 Sunday, 02 Finados
    expect(firstBusinessDayOfMonth(d('2027-01-20'))).toBe('2027-01-04'); // 01 holiday, 02-03 weekend
    expect(firstBusinessDayOfMonth(d('2026-12-31'))).toBe('2026-12-01');
  });

  it('the previous month and the previous Monday-to-Sunday week', () => {
    expect(previousMonthPeriod(d('2027-01-04'))).toEqual({
      from: '2026-12-01',
      to: '2026-12-31',
      span: 'month',
    });
    expect(previousWeekPeriod(d('2026-12-07'))).toEqual({
      from: '2026-11-30',
      to: '2026-12-06',
      span: 'week',
    });
    expect(previousWeekPeriod(d('2026-12-09'))).toEqual({
      from: '2026-11-30',
      to: '2026-12-06',
      span: 'week',
    });
  });

  it('titles and keys', () => {
    expect(periodTitle(monthPeriod('2026-03'))).toBe('março de 2026');
    expect(periodTitle(previousWeekPeriod(d('2026-12-07')))).toBe('30/11/2026 a 06/12/2026');
    expect(periodKey(monthPeriod('2026-03'))).toBe('2026-03');
    expect(() => monthPeriod('2026-13')).toThrow('not a month');
  });
});
