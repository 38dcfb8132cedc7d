import { followUpSettingsOf } from '#application/reminders/tenant-follow-up-settings';
import { type Boleto, closedBalanceCents, hasPayableBillet } from '#domain/boleto';
import type { CalendarDate } from '#domain/calendar-date';
import { NO_LATE_CHARGES } from '#domain/interest-policy';
import { formatBrl, sumCents } from '#domain/money';
import type { OwnerQueryDependencies } from './owner-query-dependencies';
import {
  type Balance,
  balanceOf,
  describeBalance,
  describeReceivable,
  plural,
  type Receivable,
  receivableOf,
} from './receivable-line';

/** Lines per section before "… e mais N": a WhatsApp message stays readable (and under 4096 characters). */
export const MAX_LINES_PER_SECTION = 20;

export interface ReceivablesAnswer {
  text: string;
  overdue: Receivable[];
  upcoming: Receivable[];
  totalDueTodayCents: number;
  /** Billets paid short and closed: balances to charge with a new boleto (not in `totalDueTodayCents`). */
  balances: Balance[];
  totalBalanceCents: number;
}

/**
 * "Quem está devendo?": every open boleto a payer can pay (`hasPayableBillet`: registered, sent, disputed), from
 * the sparse open-boletos index (one Query) and the contacts partition (one Query), with what each owes
 * today, charges included. Overdue first (most days late first), then upcoming by due date. Billets paid short
 * (closed at Paytime) are listed apart as balances, fixed, without charges.
 */
export async function listReceivables(
  deps: OwnerQueryDependencies,
  input: { tenantId: string; today: CalendarDate },
): Promise<ReceivablesAnswer> {
  const [open, contacts, profile] = await Promise.all([
    deps.boletos.listOpen(input.tenantId),
    deps.contacts.list(input.tenantId),
    deps.tenants.getProfile(input.tenantId),
  ]);
  const names = new Map(contacts.map((contact) => [contact.contactId, contact.name]));
  const settings = followUpSettingsOf(profile, deps.logger);
  const policy = profile?.interestPolicy ?? NO_LATE_CHARGES;
  const balances = open
    .filter((boleto: Boleto) => closedBalanceCents(boleto) > 0)
    .map((boleto) => balanceOf(boleto, names.get(boleto.contactId) ?? 'Contato'))
    .sort((a, b) => a.contactName.localeCompare(b.contactName, 'pt-BR'));
  const items = open
    .filter((boleto: Boleto) => hasPayableBillet(boleto))
    .map((boleto) =>
      receivableOf(
        boleto,
        names.get(boleto.contactId) ?? 'Contato',
        input.today,
        policy,
        settings.extraHolidays,
      ),
    );
  const overdue = items
    .filter((item) => item.daysOverdue > 0)
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.contactName.localeCompare(b.contactName, 'pt-BR'));
  const upcoming = items
    .filter((item) => item.daysOverdue === 0)
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  const totalDueTodayCents = sumCents(items.map((item) => item.dueTodayCents));
  const totalBalanceCents = sumCents(balances.map((item) => item.balanceCents));
  return {
    text: receivablesText(overdue, upcoming, totalDueTodayCents, input.today, balances),
    overdue,
    upcoming,
    totalDueTodayCents,
    balances,
    totalBalanceCents,
  };
}

export function receivablesText(
  overdue: Receivable[],
  upcoming: Receivable[],
  totalDueTodayCents: number,
  today: CalendarDate,
  balances: Balance[] = [],
): string {
  const count = overdue.length + upcoming.length;
  if (count === 0 && balances.length === 0) return '🎉 Ninguém está devendo: não há boletos em aberto.';
  const lines = [
    count === 0
      ? '📋 Nenhum boleto em aberto.'
      : `📋 Em aberto: ${plural(count, 'boleto', 'boletos')}, ${formatBrl(totalDueTodayCents)} se pagos hoje.`,
  ];
  if (balances.length > 0) {
    const total = formatBrl(sumCents(balances.map((item) => item.balanceCents)));
    lines.push(`Saldos a cobrar de boletos pagos em parte: ${total}.`);
  }
  const section = (title: string, items: Receivable[]) => {
    if (items.length === 0) return;
    lines.push('', `${title} (${items.length}):`);
    for (const item of items.slice(0, MAX_LINES_PER_SECTION)) {
      lines.push(`• ${item.contactName}: ${describeReceivable(item, today)}`);
    }
    if (items.length > MAX_LINES_PER_SECTION) lines.push(`… e mais ${items.length - MAX_LINES_PER_SECTION}.`);
  };
  section('⚠️ Vencidos', overdue);
  section('📅 A vencer', upcoming);
  if (balances.length > 0) {
    lines.push('', `💼 Pagos em parte (${balances.length}):`);
    for (const item of balances.slice(0, MAX_LINES_PER_SECTION)) {
      lines.push(`• ${item.contactName}: ${describeBalance(item, today)}`);
    }
    if (balances.length > MAX_LINES_PER_SECTION)
      lines.push(`… e mais ${balances.length - MAX_LINES_PER_SECTION}.`);
  }
  return lines.join('\n');
}
