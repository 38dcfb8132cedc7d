import type { ExtraHolidays } from '#domain/bank-holidays';
import { amountDueOn, type Boleto, closedBalanceCents } from '#domain/boleto';
import { type CalendarDate, daysBetween, formatDateBr } from '#domain/calendar-date';
import type { InterestPolicy } from '#domain/interest-policy';
import { lastChargeFreeDay } from '#domain/late-charges';
import { formatBrl } from '#domain/money';

/** What one open boleto means for the owner today. */
export interface Receivable {
  boletoId: string;
  contactId: string;
  contactName: string;
  description: string;
  dueDate: CalendarDate;
  status: Boleto['status'];
  amountCents: number;
  /** Principal still owed. */
  remainingCents: number;
  /** What the payer owes if paying today: remaining + fine + interest. */
  dueTodayCents: number;
  chargesTodayCents: number;
  /** Days since the due date once charges apply (0 when not overdue). */
  daysOverdue: number;
}

export function receivableOf(
  boleto: Boleto,
  contactName: string,
  today: CalendarDate,
  policy: InterestPolicy,
  extra?: ExtraHolidays,
): Receivable {
  const due = amountDueOn(boleto, today, policy, extra);
  const overdue = today > lastChargeFreeDay(boleto.dueDate, extra);
  return {
    boletoId: boleto.id,
    contactId: boleto.contactId,
    contactName,
    description: boleto.description,
    dueDate: boleto.dueDate,
    status: boleto.status,
    amountCents: boleto.amountCents,
    remainingCents: due.totalCents - due.chargesCents,
    dueTodayCents: due.totalCents,
    chargesTodayCents: due.chargesCents,
    daysOverdue: overdue ? daysBetween(boleto.dueDate, today) : 0,
  };
}

/** `10/12` when the year is this year's, else `10/12/2027`. */
export function shortDate(date: CalendarDate, today: CalendarDate): string {
  const full = formatDateBr(date);
  return date.slice(0, 4) === today.slice(0, 4) ? full.slice(0, 5) : full;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** `R$ 153,25 (venceu 10/12, há 5 dias; R$ 150,00 + R$ 3,25 de multa e juros)` and its variants. */
export function describeReceivable(item: Receivable, today: CalendarDate): string {
  const date = shortDate(item.dueDate, today);
  const parts: string[] = [];
  if (item.daysOverdue > 0) {
    parts.push(`venceu ${date}, há ${plural(item.daysOverdue, 'dia', 'dias')}`);
    if (item.chargesTodayCents > 0) {
      parts.push(`${formatBrl(item.remainingCents)} + ${formatBrl(item.chargesTodayCents)} de multa e juros`);
    }
  } else if (item.dueDate === today) {
    parts.push('vence hoje');
  } else if (item.dueDate < today) {
    parts.push(`venceu ${date}, ainda sem multa`);
  } else {
    parts.push(`vence ${date}, em ${plural(daysBetween(today, item.dueDate), 'dia', 'dias')}`);
  }
  if (item.remainingCents < item.amountCents) {
    parts.push(
      `pagou ${formatBrl(item.amountCents - item.remainingCents)} de ${formatBrl(item.amountCents)}`,
    );
  }
  if (item.status === 'disputed') parts.push('em contestação');
  return `${formatBrl(item.dueTodayCents)} (${parts.join('; ')})`;
}

export { plural };

/** A billet paid short and closed: the principal still owed, fixed (no charges accrue on it). */
export interface Balance {
  boletoId: string;
  contactId: string;
  contactName: string;
  description: string;
  dueDate: CalendarDate;
  amountCents: number;
  paidCents: number;
  balanceCents: number;
}

export function balanceOf(boleto: Boleto, contactName: string): Balance {
  return {
    boletoId: boleto.id,
    contactId: boleto.contactId,
    contactName,
    description: boleto.description,
    dueDate: boleto.dueDate,
    amountCents: boleto.amountCents,
    paidCents: boleto.paidCents,
    balanceCents: closedBalanceCents(boleto),
  };
}

/** `R$ 50,00 a cobrar (pagou R$ 100,00 de R$ 150,00, vencimento 10/12; boleto baixado: precisa de um boleto novo)`. */
export function describeBalance(item: Balance, today: CalendarDate): string {
  return (
    `${formatBrl(item.balanceCents)} a cobrar (pagou ${formatBrl(item.paidCents)} de ${formatBrl(item.amountCents)}, ` +
    `vencimento ${shortDate(item.dueDate, today)}; boleto baixado: precisa de um boleto novo)`
  );
}
