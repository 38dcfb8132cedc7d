import { followUpSettingsOf } from '#application/reminders/tenant-follow-up-settings';
import { type Boleto, closedBalanceCents, hasPayableBillet } from '#domain/boleto';
import { type CalendarDate, formatDateBr } from '#domain/calendar-date';
import { NO_LATE_CHARGES } from '#domain/interest-policy';
import { formatBrl } from '#domain/money';
import { type ContactLookup, findContactByName, whichContactText } from './find-contact';
import type { OwnerQueryDependencies } from './owner-query-dependencies';
import {
  type Balance,
  balanceOf,
  describeBalance,
  describeReceivable,
  type Receivable,
  receivableOf,
} from './receivable-line';

export type PaymentStatusKind =
  /** Nothing open, and a payment on record. */
  | 'paid'
  /** At least one boleto still open, or a balance left by a short payment. */
  | 'owing'
  | 'no_boletos'
  | 'contact_not_found'
  | 'contact_uncertain';

export interface PaymentStatusAnswer {
  kind: PaymentStatusKind;
  text: string;
  contactId?: string;
  open: Receivable[];
  /** Billets paid short and closed: what is left to charge with a new boleto. */
  balances: Balance[];
  lastPaid?: Boleto;
}

/**
 * "O João já pagou?": the contact's boletos (one Query on their collection), answered from the table. Open
 * boletos come with what is due today (fine + interest) and days overdue; otherwise the latest payment.
 * An unknown or ambiguous name gets the question back, like the conversation does.
 */
export async function answerPaymentStatus(
  deps: OwnerQueryDependencies,
  input: { tenantId: string; contactName: string; today: CalendarDate },
): Promise<PaymentStatusAnswer> {
  const lookup: ContactLookup = await findContactByName(deps, input.tenantId, input.contactName);
  if (lookup.kind !== 'found') {
    return {
      kind: lookup.kind === 'none' ? 'contact_not_found' : 'contact_uncertain',
      text: whichContactText(input.contactName, lookup) ?? '',
      open: [],
      balances: [],
    };
  }
  const contact = lookup.contact;
  const [boletos, profile] = await Promise.all([
    deps.boletos.listByContact(input.tenantId, contact.contactId),
    deps.tenants.getProfile(input.tenantId),
  ]);
  const settings = followUpSettingsOf(profile, deps.logger);
  const policy = profile?.interestPolicy ?? NO_LATE_CHARGES;
  const open = boletos
    .filter((boleto) => hasPayableBillet(boleto))
    .map((boleto) => receivableOf(boleto, contact.name, input.today, policy, settings.extraHolidays));
  const balances = boletos
    .filter((boleto) => closedBalanceCents(boleto) > 0)
    .map((boleto) => balanceOf(boleto, contact.name));
  const inCreation = boletos.filter((boleto) => boleto.status === 'requested').length;
  const lastPaid = boletos
    .filter((boleto) => boleto.status === 'paid')
    .sort((a, b) => ((a.paidOn ?? '') < (b.paidOn ?? '') ? 1 : -1))[0];
  const base = { contactId: contact.contactId, open, balances, ...(lastPaid ? { lastPaid } : {}) };

  if (open.length === 0 && balances.length === 0) {
    if (lastPaid) {
      const when = lastPaid.paidOn ? ` em ${formatDateBr(lastPaid.paidOn)}` : '';
      const what = lastPaid.description ? ` (${lastPaid.description})` : '';
      return {
        ...base,
        kind: 'paid',
        text: `✅ Sim! ${contact.name} pagou o boleto de ${formatBrl(lastPaid.amountCents)}${what}${when} e não tem boletos em aberto.`,
      };
    }
    const creating = inCreation > 0 ? ' Há um boleto sendo emitido.' : '';
    return { ...base, kind: 'no_boletos', text: `${contact.name} não tem boletos em aberto.${creating}` };
  }

  const lines: string[] = [];
  if (open.length > 0) {
    lines.push(
      `⏳ ${contact.name} ainda não pagou ${open.length === 1 ? 'este boleto' : `${open.length} boletos`}:`,
    );
  }
  for (const item of open) {
    const what = item.description ? `${item.description}: ` : '';
    lines.push(`• ${what}${describeReceivable(item, input.today)}`);
  }
  if (balances.length > 0) lines.push(`💼 ${contact.name} pagou em parte:`);
  for (const item of balances) {
    const what = item.description ? `${item.description}: ` : '';
    lines.push(`• ${what}${describeBalance(item, input.today)}`);
  }
  if (lastPaid?.paidOn) {
    lines.push(`Último pagamento: ${formatBrl(lastPaid.amountCents)} em ${formatDateBr(lastPaid.paidOn)}.`);
  }
  return { ...base, kind: 'owing', text: lines.join('\n') };
}
