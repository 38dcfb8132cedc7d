import type { Boleto } from '../../domain/boleto';
import { isPayable } from '../../domain/boleto';
import type { CalendarDate } from '../../domain/calendar-date';
import { NO_LATE_CHARGES } from '../../domain/interest-policy';
import { formatBrl, sumCents } from '../../domain/money';
import { followUpSettingsOf } from '../reminders/tenant-follow-up-settings';
import type { OwnerQueryDependencies } from './owner-query-dependencies';
import { describeReceivable, plural, type Receivable, receivableOf } from './receivable-line';

/** Lines per section before "… e mais N": a WhatsApp message stays readable (and under 4096 characters). */
export const MAX_LINES_PER_SECTION = 20;

export interface ReceivablesAnswer {
  text: string;
  overdue: Receivable[];
  upcoming: Receivable[];
  totalDueTodayCents: number;
}

/**
 * "Quem está devendo?": every open boleto a payer can pay (registered, sent, partially paid, disputed), from
 * the sparse open-boletos index (one Query) and the contacts partition (one Query), with what each owes
 * today, charges included. Overdue first (most days late first), then upcoming by due date.
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
  const items = open
    .filter((boleto: Boleto) => isPayable(boleto.status))
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
  return {
    text: receivablesText(overdue, upcoming, totalDueTodayCents, input.today),
    overdue,
    upcoming,
    totalDueTodayCents,
  };
}

export function receivablesText(
  overdue: Receivable[],
  upcoming: Receivable[],
  totalDueTodayCents: number,
  today: CalendarDate,
): string {
  const count = overdue.length + upcoming.length;
  if (count === 0) return '🎉 Ninguém está devendo: não há boletos em aberto.';
  const lines = [
    `📋 Em aberto: ${plural(count, 'boleto', 'boletos')}, ${formatBrl(totalDueTodayCents)} se pagos hoje.`,
  ];
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
  return lines.join('\n');
}
