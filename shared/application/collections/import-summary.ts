import type { ReceivableAccount } from '#application/ports/receivables-repository';
import { formatDateBr } from '#domain/calendar-date';
import {
  AGING_BUCKET_LABELS,
  AGING_BUCKETS,
  addAging,
  agingTotal,
  EMPTY_AGING,
} from '#domain/collections/aging-buckets';
import {
  decideEscalation,
  ESCALATION_DEGREE_NAMES,
  ESCALATION_DEGREES,
} from '#domain/collections/escalation';
import { formatBrl } from '#domain/money';
import type { ImportAgingOutcome } from './import-aging-file';

/** The owner's WhatsApp summary of an import (pt-BR, short): counts only, each one true of what was written. */
export function importSummaryText(outcome: ImportAgingOutcome): string {
  if (outcome.kind === 'duplicate') {
    const previous = outcome.previous;
    return `Esse arquivo já foi importado em ${formatDateBr(previous.asOf)} (${previous.rowsImported} linhas). Nada mudou.`;
  }
  if (outcome.kind === 'busy') {
    return 'Ainda estou importando outra planilha sua. Mande esta de novo quando eu avisar que terminei. Nada foi importado dela.';
  }
  const record = outcome.record;
  if (outcome.kind === 'refused') {
    return `Não importei ${record.filename}: ${record.refusal ?? 'arquivo inválido'}. Nada foi alterado.`;
  }
  const lines = [
    `Importei ${record.filename} (posição de ${formatDateBr(record.asOf)}):`,
    `• ${record.rowsRead} linhas lidas`,
    `• ${record.rowsImported} importadas`,
    `• ${record.rowsRejected} com erro${record.rowsRejected > 0 ? ' (veja o arquivo de erros)' : ''}`,
  ];
  if (record.invoicesClosed > 0)
    lines.push(`• ${record.invoicesClosed} faturas que saíram da carteira foram encerradas`);
  return lines.join('\n');
}

/** The workflow could not finish: said plainly, without claiming what was or was not written. */
export function importFailedText(filename: string): string {
  return `Não consegui terminar a importação de ${filename}. Mande o arquivo de novo em alguns minutos.`;
}

/** "Como está minha carteira?": totals per bucket and accounts per escalation degree, from the derived aging. */
export function portfolioStatusText(accounts: readonly ReceivableAccount[]): string {
  const withAging = accounts.filter((account) => account.aging && (account.openInvoices ?? 0) > 0);
  if (withAging.length === 0) return 'Sua carteira está vazia: nenhuma fatura em aberto importada.';
  const total = withAging.reduce((sum, account) => addAging(sum, account.aging ?? EMPTY_AGING), EMPTY_AGING);
  const perDegree = new Map<number, number>();
  let paused = 0;
  for (const account of withAging) {
    const decision = decideEscalation(
      account.aging ?? EMPTY_AGING,
      account.maxDaysOverdue ?? 0,
      account.control,
    );
    if (decision.action === 'send') perDegree.set(decision.degree, (perDegree.get(decision.degree) ?? 0) + 1);
    else if (decision.reason === 'paused') paused += 1;
  }
  const asOf =
    withAging
      .map((a) => a.agingAsOf ?? '')
      .sort()
      .at(-1) ?? '';
  const lines = [
    `Carteira${asOf ? ` (posição de ${formatDateBr(asOf as never)})` : ''}: ${formatBrl(agingTotal(total))} em aberto, ${withAging.length} contas.`,
    ...AGING_BUCKETS.map((bucket) => `• ${AGING_BUCKET_LABELS[bucket]}: ${formatBrl(total[bucket])}`),
    'Cobrança por e-mail:',
    ...ESCALATION_DEGREES.map(
      (degree) => `• ${degree} – ${ESCALATION_DEGREE_NAMES[degree]}: ${perDegree.get(degree) ?? 0} contas`,
    ),
  ];
  if (paused > 0) lines.push(`• pausadas: ${paused} contas`);
  return lines.join('\n');
}
