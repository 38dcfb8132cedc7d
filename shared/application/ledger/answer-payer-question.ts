import { findContactByName, whichContactText } from '#application/owner-queries/find-contact';
import type { ContactRepository } from '#application/ports/contact-repository';
import type { LedgerQuery } from '#application/ports/language-model';
import { readStatementPeriod, type StatementDependencies } from '#application/statements/read-statement';
import { type CalendarDate, formatDateBr } from '#domain/calendar-date';
import { formatBrl } from '#domain/money';
import { payerPayments } from '#domain/payer-payments';
import { periodInWords } from './period-in-words';

export type PayerQuestionSources = Omit<StatementDependencies, 'contacts'> & { contacts: ContactRepository };

/**
 * A ledger question about one payer ("quanto recebi do João esse ano?", "quantos boletos a Maria pagou?",
 * "qual o maior pagamento do Pedro?"): the name is resolved like a charge's contact (nicknames; ambiguous →
 * asks which one; unknown → says so; never guessed), then the payer's statement lines of the period are read
 * (one Query on the statement's date index) and every figure is computed from their payments. What is open
 * today comes from the statement's summary. A null period is the payer's whole history.
 */
export async function answerPayerQuestion(
  deps: PayerQuestionSources,
  input: { tenantId: string; query: LedgerQuery & { contact: string }; today: CalendarDate },
): Promise<string> {
  const { query, today } = input;
  const lookup = await findContactByName(deps, input.tenantId, query.contact);
  if (lookup.kind !== 'found') return whichContactText(query.contact, lookup) ?? '';
  const statement = await readStatementPeriod(deps, {
    tenantId: input.tenantId,
    contactId: lookup.contact.contactId,
    today,
    dates: query.period,
  });
  if (!statement) return whichContactText(query.contact, { kind: 'none' }) ?? '';
  const name = statement.contact.name;
  const when = query.period ? periodInWords(query.period, today) : 'até hoje';
  const paid = payerPayments(statement.lines);
  const open = statement.totals.openBalanceCents;
  const openLine = open > 0 ? `\nEm aberto hoje: ${formatBrl(open)}.` : '';
  switch (query.aggregate) {
    case 'max':
      if (!paid.largest) return `Não encontrei pagamento de ${name} ${when}.`;
      return `O maior pagamento de ${name} ${when} foi ${formatBrl(paid.largest.amountCents)}, em ${formatDateBr(paid.largest.paidOn)}.`;
    case 'count': {
      if (paid.boletosPaid === 0) return `${name} não pagou nenhum boleto ${when}.${openLine}`;
      const boletos = paid.boletosPaid === 1 ? '1 boleto' : `${paid.boletosPaid} boletos`;
      const inPart = paid.boletosPaidInPart > 0 ? ` (${paid.boletosPaidInPart} em parte)` : '';
      return `${name} pagou ${boletos}${inPart} ${when}, somando ${formatBrl(paid.receivedCents)}.${openLine}`;
    }
    default: {
      if (paid.paymentCount === 0) return `Você não recebeu pagamento de ${name} ${when}.${openLine}`;
      const payments = paid.paymentCount === 1 ? '1 pagamento' : `${paid.paymentCount} pagamentos`;
      const partial =
        paid.partialPaymentCount === 0
          ? ''
          : `, ${paid.partialPaymentCount} ${paid.partialPaymentCount === 1 ? 'parcial' : 'parciais'}`;
      return `Você recebeu ${formatBrl(paid.receivedCents)} de ${name} ${when} (${payments}${partial}).${openLine}`;
    }
  }
}
