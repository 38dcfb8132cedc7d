import type { Intent } from '#application/ports/interpretation.schema';
import type { Interpretation } from '#application/ports/language-model';
import type { CalendarDate } from '#domain/calendar-date';
import { correctedAmounts, correctionIntent, correctionWords } from './amend-rules';
import { findAmountDoubt } from './amount-doubts';
import { type AmountMatch, findAmount } from './amounts';
import { budgetWordOf, isBudgetMessage } from './budget-intents';
import { categoryRuleEntities } from './category-intents';
import { asksSomethingElse, isBareDeny } from './colloquial-intents';
import { type ContactMatch, findContact } from './contact-name';
import { type DateMatch, findDateExpressions } from './date-expressions';
import { type DateSemantics, resolveDate } from './dates';
import { findDescription } from './description';
import { entitiesForIntent } from './entities-for-intent';
import { classifyIntent } from './intents';
import { isLedgerQuestion, ledgerQueryOf } from './ledger-query';
import { memberRequestDetails } from './member-intents';
import { recurrenceTerms } from './recurring';
import { REPORT_INTENTS, reportTerms } from './report-intents';
import { subscriptionEntities } from './subscription-intents';
import { type Token, tokenise } from './tokenise';
import { correctTypos } from './typos';
import { FUNCTION_WORD_SET } from './vocabulary';

/**
 * The deterministic pt-BR parser: pure, synchronous, no I/O. Finds dates first (so "dia 10" is never money),
 * then the amount, then the intent (which may depend on whether there is an amount), then resolves the date as
 * a due date or as the day money moved, and finally the contact with the certainty the intent needs.
 */

/** Intents whose date is the day money already moved; all others read a date as a due date. */
const PAST_INTENTS: ReadonlySet<Intent> = new Set([
  'record_expense',
  'record_income',
  'ledger_summary',
  'correct_ledger',
  'ledger_question',
]);

/** Intents whose amount is acted on: a doubt about it must reach validation. */
const AMOUNT_INTENTS: ReadonlySet<Intent> = new Set([
  'create_boleto',
  'create_recurring',
  'record_expense',
  'record_income',
  'confirm',
  'deny',
  'amend_boleto',
  'correct_ledger',
]);

/** How sure a name must be for each intent (see contact-name.ts for the scale). */
const BARE_ANSWER_CONTACT_CERTAINTY = 2;
const CONTACT_CERTAINTY: Record<Intent, number> = {
  create_boleto: 2,
  check_status: 2,
  cancel_boleto: 2,
  record_income: 3,
  record_expense: 3,
  list_receivables: 3,
  ledger_summary: 3,
  statement: 2,
  ledger_question: 3,
  confirm: 3,
  deny: 3,
  help: 3,
  unknown: BARE_ANSWER_CONTACT_CERTAINTY,
  amend_boleto: 2,
  correct_ledger: 3,
  create_recurring: 2,
  list_recurring: 3,
  stop_recurring: 2,
  add_member: 3,
  remove_member: 3,
  set_category_rule: 3,
  stop_tracking_expense: 3,
  portfolio_status: 3,
  collections_campaign: 3,
  collections_schedule: 3,
  collections_schedule_stop: 3,
  collections_pause: 3,
  collections_resume: 3,
  set_budget: 3,
  list_budgets: 3,
  remove_budget: 3,
  send_report: 3,
  send_spreadsheet: 3,
  report_schedule: 3,
  collections_pin: 3,
  collections_unpin: 3,
};

/** Phone numbers, CPFs and CNPJs: digits that are neither money nor dates. */
const NOT_MONEY = [
  /\(?\b\d{2}\)?\s?9?\d{4}[-\s]?\d{4}\b/g,
  /\b\d{3}\.?\d{3}\.?\d{3}-?\d{2}\b/g,
  /\b\d{2}\.?\d{3}\.?\d{3}\/?\d{4}-?\d{2}\b/g,
];

function identifierTokens(text: string, tokens: readonly Token[]): Set<number> {
  const blocked = new Set<number>();
  for (const pattern of NOT_MONEY) {
    for (const match of text.matchAll(pattern)) {
      const from = match.index ?? 0;
      const to = from + match[0].length;
      for (const token of tokens) if (token.start >= from && token.end <= to) blocked.add(token.index);
    }
  }
  return blocked;
}

function addSpan(set: Set<number>, start: number, end: number): void {
  for (let index = start; index < end; index++) set.add(index);
}

function firstResolvedDate(matches: DateMatch[], today: CalendarDate, semantics: DateSemantics) {
  for (const match of matches) {
    const date = resolveDate(match.expression, today, semantics);
    if (date) return date;
  }
  return null;
}

interface Scan {
  text: string;
  tokens: Token[];
  /** Dates and identifiers: what can never be money. */
  blocked: Set<number>;
  dates: DateMatch[];
  amount: AmountMatch | null;
  /** Dates, identifiers and the amount: what a name or a description may not use. */
  used: Set<number>;
}

function scan(text: string): Scan {
  const tokens = correctTypos(tokenise(text));
  const blocked = identifierTokens(text, tokens);
  const dates = findDateExpressions(tokens).filter((match) => !blocked.has(match.start));
  for (const match of dates) addSpan(blocked, match.start, match.end);
  const amount = findAmount(tokens, blocked);
  const used = new Set(blocked);
  if (amount) addSpan(used, amount.start, amount.end);
  return { text, tokens, blocked, dates, amount, used };
}

/** Words an answer to a question may wrap its value in: "o valor é 150", "é pro João", "vence dia 10". */
const ANSWER_WORDS = new Set(
  'valor vencimento vence venc vcto data nome dele dela contato cliente pagamento e eh seria sera fica'.split(
    ' ',
  ),
);
/** Words a correction wraps its new value in: "ok mas muda o valor pra 200", "sim, mas pro Pedro". */
const CORRECTION_WORDS = new Set(
  'mas porem muda mude mudar troca troque trocar altera altere alterar corrige corrija corrigir verdade ser manda mande'.split(
    ' ',
  ),
);

function isBare(tokens: readonly Token[], used: ReadonlySet<number>, contact: ContactMatch | null): boolean {
  const taken = new Set(used);
  if (contact) addSpan(taken, contact.cueStart, contact.end);
  if (taken.size === 0) return false;
  return tokens.every(
    (token) =>
      taken.has(token.index) ||
      (token.kind !== 'word' && token.kind !== 'number') ||
      FUNCTION_WORD_SET.has(token.fold) ||
      ANSWER_WORDS.has(token.fold) ||
      CORRECTION_WORDS.has(token.fold),
  );
}

/**
 * True when the whole message is an amount, a date and/or a name with only filler words around them: an answer
 * to a clarifying question, whose entities are kept even though it asks for nothing itself.
 */
export function isBareAnswer(text: string): boolean {
  const { tokens, dates, amount, used } = scan(text);
  const contact = findContact(tokens, used, BARE_ANSWER_CONTACT_CERTAINTY);
  if (!amount && dates.length === 0 && !contact) return false;
  return isBare(tokens, used, contact);
}

export function parseMessage(text: string, today: CalendarDate): Interpretation {
  const scanned = scan(text);
  const { tokens, dates, amount, used } = scanned;
  const amountDoubt = findAmountDoubt(text, tokens, scanned.blocked, amount);
  // A negative or unreadable amount is no amount at all: nothing downstream may read "-50" as R$ 50,00.
  const amountCents =
    amountDoubt?.kind === 'negative_amount' || amountDoubt?.kind === 'unreadable_amount'
      ? null
      : (amount?.cents ?? null);
  const probe = findContact(tokens, used, 3);
  const loose = amount && dates.length > 0 ? findContact(tokens, used, BARE_ANSWER_CONTACT_CERTAINTY) : null;
  const signals = {
    hasAmount: amount !== null,
    hasContact: probe !== null,
    hasDate: dates.length > 0,
    bareCharge: loose !== null && isBare(tokens, used, loose),
  };
  const correction = isBudgetMessage(` ${tokens.map((token) => token.fold).join(' ')} `)
    ? null
    : correctionIntent(tokens, signals);
  const classified = correction?.intent ?? classifyIntent(tokens, signals);
  const intent = isLedgerQuestion(` ${tokens.map((token) => token.fold).join(' ')} `)
    ? 'ledger_question'
    : classified;
  const nothing: Interpretation = {
    intent,
    amountCents: null,
    contact: null,
    date: null,
    description: null,
    source: 'deterministic',
  };
  const folded = ` ${tokens.map((token) => token.fold).join(' ')} `;
  if (intent === 'help' || (intent === 'deny' && isBareDeny(folded))) return nothing;

  const semantics: DateSemantics = PAST_INTENTS.has(intent) ? 'past' : 'due';
  const contact = findContact(tokens, used, CONTACT_CERTAINTY[intent]);
  let description: string | null = null;
  if (intent === 'record_expense' || intent === 'record_income') {
    const taken = new Set(used);
    if (contact) addSpan(taken, contact.cueStart, contact.end);
    description = findDescription(tokens, taken);
  }
  const corrected = correction ? correctedAmounts(tokens, scanned.blocked) : null;
  if (intent === 'correct_ledger') {
    const taken = new Set([...used, ...correctionWords(tokens)]);
    if (contact) addSpan(taken, contact.cueStart, contact.end);
    description = findDescription(tokens, taken);
  }
  const bareAnswer = intent === 'unknown' && !asksSomethingElse(folded) && isBare(tokens, used, contact);
  const ledgerQuery =
    intent === 'ledger_summary' || intent === 'ledger_question'
      ? { ledgerQuery: ledgerQueryOf(text, today, contact?.name) }
      : {};
  return entitiesForIntent(
    intent,
    {
      ...nothing,
      amountCents: corrected && amountCents !== null ? corrected.right : amountCents,
      contact: contact?.name ?? null,
      date: firstResolvedDate(dates, today, semantics),
      description,
      ...(amountDoubt && (AMOUNT_INTENTS.has(intent) || bareAnswer) ? { amountDoubt } : {}),
      ...(correction?.hint
        ? {
            correction: {
              ...correction.hint,
              ...(corrected?.wrong ? { wrongAmountCents: corrected.wrong } : {}),
            },
          }
        : {}),
      ...(intent === 'create_recurring' ? { recurrence: recurrenceTerms(text) } : {}),
      ...(intent === 'add_member' || intent === 'remove_member'
        ? { member: memberRequestDetails(text) }
        : {}),
      ...(intent === 'set_category_rule' ? categoryRuleEntities(text) : {}),
      ...(intent === 'stop_tracking_expense' ? subscriptionEntities(text) : {}),
      ...ledgerQuery,
      ...(intent === 'set_budget' || intent === 'remove_budget'
        ? { budgetTarget: { word: budgetWordOf(text) } }
        : {}),
      ...(REPORT_INTENTS.has(intent) ? { report: reportTerms(text, today) } : {}),
    },
    bareAnswer,
  );
}
