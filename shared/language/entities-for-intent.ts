import type { Intent } from './interpretation.schema';

/**
 * Which entities an intent carries. A bare "sim", "oi" or an off-topic question has none (a date in "qual a
 * previsão do tempo amanhã?" is not a request's date); summaries and lists take a name or a date but no amount;
 * only expenses and income have a description. Applied to the parser's and to the model's output alike.
 */

export interface Entities {
  amountCents: number | null;
  contact: string | null;
  date: string | null;
  description: string | null;
}

const WITHOUT_ENTITIES: ReadonlySet<Intent> = new Set(['confirm', 'deny', 'help', 'unknown']);
const WITHOUT_AMOUNT: ReadonlySet<Intent> = new Set(['list_receivables', 'ledger_summary']);
const WITH_DESCRIPTION: ReadonlySet<Intent> = new Set(['record_expense', 'record_income']);

export function hasEntities(intent: Intent): boolean {
  return !WITHOUT_ENTITIES.has(intent);
}

export function entitiesForIntent<T extends Entities>(intent: Intent, entities: T): T {
  if (WITHOUT_ENTITIES.has(intent)) {
    return { ...entities, amountCents: null, contact: null, date: null, description: null };
  }
  return {
    ...entities,
    amountCents: WITHOUT_AMOUNT.has(intent) ? null : entities.amountCents,
    description: WITH_DESCRIPTION.has(intent) ? entities.description : null,
  };
}
