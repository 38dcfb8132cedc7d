import { calendarDate } from '#domain/calendar-date';
import type { StatementBoletoLine } from '#domain/statement';

/** A statement boleto line, registered and unpaid unless overridden; `dueDate` as `YYYY-MM-DD`. */
export function aStatementBoletoLine(
  over: Partial<Omit<StatementBoletoLine, 'dueDate'>> & { boletoId: string; dueDate?: string },
): StatementBoletoLine {
  return {
    description: '',
    status: 'registered',
    amountCents: 10_000,
    paidCents: 0,
    chargesPaidCents: 0,
    createdAt: '2026-11-01T12:00:00.000Z',
    version: 2,
    ...over,
    dueDate: calendarDate(over.dueDate ?? '2026-12-10'),
  } as StatementBoletoLine;
}
