import type { Intent } from '#application/ports/interpretation.schema';
import type { ReportTerms } from '#application/ports/language-model';
import type { CalendarDate } from '#domain/calendar-date';
import { ledgerQueryOf } from './ledger-query';

/**
 * The owner report by message (issue 15): "me manda o relatório de novembro" (send_report), "me manda a
 * planilha de dezembro" (send_spreadsheet), "me manda o resumo toda segunda" / "volta pro mensal"
 * (report_schedule). Checked before the recurring rules: "toda segunda" here is about the report, not a charge.
 * `text` is the folded message with a space at each end (`classifyIntent`).
 */

const ASK =
  /\b(manda|mande|mandar|envia|envie|enviar|quero|queria|gera|gere|gerar|passa|preciso|cade|baixar|exporta|exportar)\b/;
const REPORT = /\brelatorios?\b/;
const SUMMARY = /\b(resumo|resumos|relatorio|relatorios)\b/;
const SHEET = /\b(planilha|planilhas|csv|excel)\b/;
const WEEKLY = /\b(toda|todas|cada) (segunda|segundas|semana)\b|\bsemanal(mente)?\b|\bpor semana\b/;
const MONTHLY = /\b(todo|cada) mes\b|\bmensal(mente)?\b|\bpor mes\b/;
/** "volta pro mensal", "muda pra semanal": nothing else names the report's cadence without the noun. */
const THIS_MONTH = /\b(desse|deste|esse|este|do) mes( atual)?\b|\bmes atual\b/;
const BACK = /\b(volta|voltar|volte|muda|mudar|mude) (pro|pra|para o|para|ao) (mensal|semanal)\b/;

export const REPORT_INTENTS: ReadonlySet<Intent> = new Set([
  'send_report',
  'send_spreadsheet',
  'report_schedule',
]);

export function reportIntent(text: string): Intent | null {
  const cadence = WEEKLY.test(text) || MONTHLY.test(text);
  if ((cadence && SUMMARY.test(text)) || BACK.test(text)) return 'report_schedule';
  if (SHEET.test(text) && ASK.test(text)) return 'send_spreadsheet';
  if (REPORT.test(text) && ASK.test(text)) return 'send_report';
  return null;
}

/**
 * The month asked for (`YYYY-MM`: "de novembro", "do mês passado", "desse mês"; a named month is the latest
 * one not after today, as in ledger questions), or null for "the last closed month"; and the cadence asked for.
 */
export function reportTerms(text: string, today: CalendarDate): ReportTerms {
  const folded = ` ${text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9\s]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;
  const period = ledgerQueryOf(text, today).period;
  const oneMonth =
    period && period.from.slice(0, 7) === period.to.slice(0, 7) ? period.from.slice(0, 7) : null;
  const thisMonth = THIS_MONTH.test(folded) ? today.slice(0, 7) : null;
  return {
    month: oneMonth ?? thisMonth,
    cadence: WEEKLY.test(folded) ? 'weekly' : MONTHLY.test(folded) ? 'monthly' : null,
  };
}
