import type { Intent } from '#application/ports/interpretation.schema';

/**
 * Which entities an intent carries, for the parser's and the model's output alike.
 * - help: none (a greeting has nothing to extract).
 * - unknown: only when the message is a bare answer ("150", "dia 10", "João Silva", "o valor é 200"): that is
 *   how an owner answers a clarifying question. An off-topic sentence keeps none ("qual a previsão do tempo
 *   amanhã?" has no request date).
 * - confirm / deny: what they carry is a correction ("não, é 200"), so it is kept.
 * - list_receivables / ledger_summary: a name or a date may narrow them, an amount never does.
 * - only expenses, income and ledger corrections (the entry's words) have a description.
 */

export interface Entities {
  amountCents: number | null;
  contact: string | null;
  date: string | null;
  description: string | null;
}

const WITHOUT_AMOUNT: ReadonlySet<Intent> = new Set([
  'list_receivables',
  'ledger_summary',
  'list_recurring',
  'stop_recurring',
  'statement',
  'ledger_question',
  'send_report',
  'send_spreadsheet',
  'report_schedule',
]);
const WITH_DESCRIPTION: ReadonlySet<Intent> = new Set(['record_expense', 'record_income', 'correct_ledger']);

export function entitiesForIntent<T extends Entities>(intent: Intent, entities: T, bareAnswer: boolean): T {
  if (intent === 'help' || (intent === 'unknown' && !bareAnswer)) {
    return { ...entities, amountCents: null, contact: null, date: null, description: null };
  }
  return {
    ...entities,
    amountCents: WITHOUT_AMOUNT.has(intent) ? null : entities.amountCents,
    description: WITH_DESCRIPTION.has(intent) ? entities.description : null,
  };
}
