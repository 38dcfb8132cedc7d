import { numberedLines } from '#application/amendments/numbered-choice';
import { formatDateBr } from '#domain/calendar-date';
import type { EntrySummary, LedgerCorrectionRequest } from '#domain/ledger-correction';
import { formatBrl } from '#domain/money';

/** What IRIS tells the owner about correcting the ledger, in pt-BR. */

function noun(entry: Pick<EntrySummary, 'kind'>): string {
  return entry.kind === 'expense' ? 'a despesa' : 'a entrada';
}

/** "R$ 45,00 (gasolina, transporte) de 03/12/2026". */
function label(entry: EntrySummary): string {
  return `${formatBrl(entry.amountCents)} (${entry.description}, ${entry.category}) de ${formatDateBr(entry.date)}`;
}

export const ledgerCorrectionTexts = {
  notFound: (what: string | null) =>
    what
      ? `Não encontrei nenhum lançamento de "${what}" neste mês nem no anterior para corrigir.`
      : 'Não encontrei nenhum lançamento neste mês nem no anterior para corrigir.',
  which: (options: readonly EntrySummary[], invalid: boolean) =>
    `${invalid ? 'Não entendi qual. ' : ''}Encontrei ${options.length} lançamentos:\n${numberedLines(
      options.map((entry) => `${entry.kind === 'expense' ? 'Despesa' : 'Entrada'} ${label(entry)}`),
    )}\nQual deles? Responda com o número.`,
  nothingToChange: (entry: EntrySummary) => `${capitalised(noun(entry))} já está assim: ${label(entry)}.`,
  confirm: (correction: LedgerCorrectionRequest & { entry: EntrySummary }) => {
    const { entry } = correction;
    if (correction.action === 'amount') {
      return `Corrigir ${noun(entry)} ${label(entry)} para ${formatBrl(correction.newAmountCents ?? entry.amountCents)}?`;
    }
    if (correction.action === 'category') {
      return `Mudar ${noun(entry)} ${label(entry)} de ${entry.category} para ${correction.newCategory ?? entry.category}?`;
    }
    return `Apagar ${noun(entry)} ${label(entry)}? Ela sai do resumo e dos totais.`;
  },
  kept: () => 'Tudo bem, não mudei nada no seu caixa.',
  booked: (correction: LedgerCorrectionRequest & { entry: EntrySummary }) => {
    const { entry } = correction;
    if (correction.action === 'amount') {
      return `Pronto! ${capitalised(noun(entry))} de ${entry.description} (${formatDateBr(entry.date)}) agora é de ${formatBrl(correction.newAmountCents ?? entry.amountCents)}.`;
    }
    if (correction.action === 'category') {
      return `Pronto! ${capitalised(noun(entry))} de ${entry.description} (${formatDateBr(entry.date)}) agora está em ${correction.newCategory ?? entry.category}.`;
    }
    return `Pronto! Apaguei ${noun(entry)} ${label(entry)}.`;
  },
  alreadyCorrected: (entry: EntrySummary) =>
    `${capitalised(noun(entry))} ${label(entry)} já tinha sido corrigida; não mudei nada.`,
};

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
