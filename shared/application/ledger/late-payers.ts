import type { BoletoRepository } from '#application/ports/boleto-repository';
import type { ContactRepository } from '#application/ports/contact-repository';
import type { LatePaymentLines } from '#application/ports/ledger-aggregates';
import { isPayable } from '#domain/boleto-status';
import { addDays, type CalendarDate, daysBetween } from '#domain/calendar-date';
import { formatBrl } from '#domain/money';

export interface LatePayerSources {
  latePayments: Pick<LatePaymentLines, 'list'>;
  boletos: Pick<BoletoRepository, 'listOpen'>;
  contacts: Pick<ContactRepository, 'get'>;
}

export interface LatePayer {
  contactId: string;
  /** Days late summed over the payer's boletos paid late and still overdue (as of today). */
  daysLate: number;
  boletos: number;
  overdueBoletos: number;
  overdueCents: number;
}

const SHOWN = 5;

/**
 * Payers ranked by days late: boletos paid after their due date (the stream's late-payment lines, one Query)
 * and payable boletos past due today (the open-boletos access pattern, one Query); ties by more boletos late.
 * Disputed boletos are left out (the payer contests them).
 */
export async function rankLatePayers(
  deps: Omit<LatePayerSources, 'contacts'>,
  input: { tenantId: string; today: CalendarDate },
): Promise<LatePayer[]> {
  const [paidLate, open] = await Promise.all([
    deps.latePayments.list(input.tenantId),
    deps.boletos.listOpen(input.tenantId, { dueTo: addDays(input.today, -1) }),
  ]);
  const byPayer = new Map<string, LatePayer>();
  const payer = (contactId: string): LatePayer => {
    const found = byPayer.get(contactId) ?? {
      contactId,
      daysLate: 0,
      boletos: 0,
      overdueBoletos: 0,
      overdueCents: 0,
    };
    byPayer.set(contactId, found);
    return found;
  };
  for (const line of paidLate) {
    const late = daysBetween(line.dueDate, line.paidOn);
    if (late <= 0) continue;
    const entry = payer(line.contactId);
    entry.daysLate += late;
    entry.boletos += 1;
  }
  for (const boleto of open) {
    if (!isPayable(boleto.status) || boleto.status === 'disputed') continue;
    const late = daysBetween(boleto.dueDate, input.today);
    if (late <= 0) continue;
    const entry = payer(boleto.contactId);
    entry.daysLate += late;
    entry.boletos += 1;
    entry.overdueBoletos += 1;
    entry.overdueCents += boleto.amountCents - boleto.paidCents;
  }
  return [...byPayer.values()].sort(
    (a, b) => b.daysLate - a.daysLate || b.boletos - a.boletos || a.contactId.localeCompare(b.contactId),
  );
}

/** "quem mais atrasa?": the five payers with most days late, named, with what is still overdue. */
export async function answerLatePayers(
  deps: LatePayerSources,
  input: { tenantId: string; today: CalendarDate },
): Promise<string> {
  const ranked = (await rankLatePayers(deps, input)).slice(0, SHOWN);
  if (ranked.length === 0) return 'Ninguém atrasou: nenhum boleto foi pago com atraso e nenhum está vencido.';
  const names = await Promise.all(ranked.map((p) => deps.contacts.get(input.tenantId, p.contactId)));
  const lines = ranked.map((p, index) => {
    const name = names[index]?.name ?? 'Contato removido';
    const boletos = p.boletos === 1 ? '1 boleto' : `${p.boletos} boletos`;
    const overdue =
      p.overdueBoletos > 0
        ? `; ${p.overdueBoletos === 1 ? '1 vencido' : `${p.overdueBoletos} vencidos`} em aberto, ${formatBrl(p.overdueCents)}`
        : '';
    return `${index + 1}. ${name}: ${p.daysLate} ${p.daysLate === 1 ? 'dia' : 'dias'} de atraso em ${boletos}${overdue}`;
  });
  return ['Quem mais atrasa (dias de atraso somados, pagos com atraso e vencidos):', ...lines].join('\n');
}
