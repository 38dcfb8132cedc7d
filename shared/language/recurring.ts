import type { Intent } from '#application/ports/interpretation.schema';
import { FOLDED_MONTH_NAMES } from '#domain/month-names';
import type { RecurrenceTerms } from '#domain/recurring-plan';
import { numberWordValue } from './number-words';
import { fold } from './tokenise';

/**
 * Recurring charges in the owner's words: "cobra 100 do João todo mês dia 10" (create_recurring), "quais
 * cobranças mensais eu tenho?" (list_recurring), "para a mensalidade do João" (stop_recurring), and the terms of
 * a plan: the day of the month and an optional end ("até junho", "por 6 meses"). Checked before the other
 * rules (`classifyIntent`): "todo mês" turns a charge into a plan, never into one boleto.
 */

const MONTHLY =
  /\b(todo mes|todos os meses|todo santo mes|mensal|mensalmente|mensais|por mes|cada mes|a cada mes|mes a mes|mensalidades?|recorrentes?|recorrencias?|todo dia (\d{1,2}|[a-z]+))\b/;
const CHARGE =
  /\b(cobra|cobrar|cobre|cobro|cobrando|boletos?|cobrancas?|gera|gerar|emite|emitir|manda|mandar|cria|criar)\b/;
const LIST =
  /\b(quais|qual|lista|listar|liste|mostra|mostrar|ver|tenho|minhas|meus|quantas)\b.*\b(mensalidades|cobrancas mensais|cobrancas recorrentes|recorrencias|boletos mensais|planos)\b/;
const STOP =
  /\b(para|parar|pare|paralisa\w*|cancel\w*|encerr\w*|suspend\w*|termin\w*|desativ\w*|interromp\w*|acab\w*|tira|tirar)\b( \w+){0,3} (mensalidade|cobranca mensal|cobranca recorrente|recorrencia|plano mensal|cobranca de todo mes)\b/;
/** Money that moved ("paguei a mensalidade da academia", "o João pagou a mensalidade"): the ledger's, not a plan. */
const MONEY_MOVED =
  /\b(paguei|pagamos|gastei|gastamos|recebi|recebemos|pagou|pagaram|caiu|entrou|depositou|transferiu)\b/;
const NO_MORE =
  /\bnao (precisa )?(mais )?(cobra|cobrar|cobre)( \w+){0,4} (todo mes|mensal|mensalmente|mensalidade)\b/;

/** The recurring intent of a folded message (` words `), or null: checked before every other rule. */
export function recurringIntent(
  text: string,
  signals: { hasAmount: boolean; hasContact: boolean },
): Intent | null {
  if (!MONTHLY.test(text)) return null;
  if (STOP.test(text) || NO_MORE.test(text)) return 'stop_recurring';
  if (MONEY_MOVED.test(text)) return null;
  if (LIST.test(text) && !signals.hasAmount) return 'list_recurring';
  if (signals.hasAmount && (CHARGE.test(text) || /\bmensalidade\b/.test(text))) return 'create_recurring';
  if (CHARGE.test(text) && signals.hasContact) return 'create_recurring';
  if (/\?/.test(text) && !signals.hasAmount) return 'list_recurring';
  return null;
}

function dayValue(word: string): number | undefined {
  const value = /^\d{1,2}$/.test(word) ? Number(word) : word === 'primeiro' ? 1 : numberWordValue(word);
  return value !== undefined && Number.isInteger(value) && value >= 1 && value <= 31 ? value : undefined;
}

/** The day and the end of a plan, from the owner's words ("… todo mês dia 10 até junho", "por 6 meses"). */
export function recurrenceTerms(message: string): RecurrenceTerms {
  const text = ` ${fold(message)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')} `;
  const terms: RecurrenceTerms = {};
  const day = /\bdia (\d{1,2}|[a-z]+)( e [a-z]+)?\b/.exec(text);
  const dayWords = day ? [day[1] ?? '', (day[2] ?? '').replace(' e ', '')].filter(Boolean) : [];
  const [tens, units] = dayWords.map((word) => numberWordValue(word) ?? Number.NaN);
  const sum = dayWords.length === 2 && tens !== undefined && units !== undefined ? tens + units : undefined;
  const composed = sum !== undefined && sum >= 20 && sum <= 31 ? sum : undefined;
  const dayOfMonth = composed ?? (dayWords[0] ? dayValue(dayWords[0]) : undefined);
  if (dayOfMonth !== undefined) terms.dayOfMonth = dayOfMonth;
  const until = /\bate (o mes de |o fim de |o final de )?([a-z]+)\b/.exec(text);
  const untilMonth = until ? FOLDED_MONTH_NAMES.indexOf(until[2] ?? '') + 1 : 0;
  if (untilMonth > 0) terms.end = { untilMonth };
  const during = /\b(por|durante) (\d{1,2}|[a-z]+) (meses|mes)\b/.exec(text);
  const months = during
    ? /^\d+$/.test(during[2] ?? '')
      ? Number(during[2])
      : numberWordValue(during[2] ?? '')
    : undefined;
  if (months !== undefined && Number.isInteger(months) && months >= 1) terms.end = { months };
  return terms;
}
