import type { Intent } from '#application/ports/interpretation.schema';
import { categoryNamed, categoryWords, foldCategoryText, ledgerCategoryNames } from '#domain/ledger-category';
import type { LedgerCorrectionHint } from '#domain/ledger-correction';
import { moneyCandidates } from './amounts';
import type { Token } from './tokenise';

/**
 * Rules for changing what was already done: amending a boleto ("muda o vencimento do boleto do João pra dia
 * 30", "adia o boleto da Maria pra sexta", "troca o valor do boleto do Pedro pra 200") and correcting the
 * ledger ("apaga o último gasto", "apaga a despesa da gasolina", "a gasolina foi 54, não 45", "isso era
 * transporte"). Checked before the general rules, so such a message is never read as a new boleto, a new
 * expense or a "yes".
 */

const AMEND_VERB =
  /\b(mud[ae]\w*|alter[ae]\w*|troc[ae]\w*|adi[ae]\w*|prorrog\w*|remarc\w*|posterg\w*|empurr[ae]\w*|corrig\w*|corrij\w*|reemit\w*|passa o vencimento|joga o vencimento)\b/;
const AMEND_OBJECT = /\b(boletos?|boletinho|cobrancas?|vencimento|vencto|vcto)\b/;
const LEDGER_NOUN =
  /\b(gastos?|despesas?|entradas?|receitas?|recebimentos?|lancamentos?|anotacao|anotacoes|registro|saidas?|compras?)\b/;
const EXPENSE_NOUN = /\b(gastos?|despesas?|saidas?|compras?)\b/;
const INCOME_NOUN = /\b(entradas?|receitas?|recebimentos?)\b/;

const DELETE_VERB =
  /\b(apag\w*|exclu\w*|delet\w*|remov\w*|tira|tirar|tire|estorn\w*|desfa[zc]\w*|cancel\w*|risc\w*|anul\w*)\b/;
const FIX_VERB = /\b(corrig\w*|corrij\w*|arrum\w*|acert\w*|mud[ae]\w*|alter\w*|troc\w*)\b/;
const LATEST = /\b(ultim[oa]|isso|isto|esse|essa|este|esta|aquilo)\b/;
/** "foi 54, não 45", "era 54 e não 45", "não foi 45, foi 54". */
const NOT_THAT_AMOUNT = /\b(foi|era|eram|foram|custou|deu|e)\b.*\bnao\b|\bnao (foi|era|custou|deu)\b/;
const ACTUALLY = /\b(na verdade|na real|alias|corrigindo|correcao)\b/;
const WAS = /\b(foi|era|eram|foram|custou|deu|e|eh|fica|coloca|poe|bota|muda|passa)\b/;

/** The set's category names (folded): never words of the entry a correction names. */
const CATEGORY_NAMES = ledgerCategoryNames().map(foldCategoryText);
const CHANGE_CUE = '(era|e|eh|foi|fica|categoria|em|pra|para|como)';
/** "isso era transporte", "a gasolina é de transporte", "coloca em transporte". */
const CATEGORY_CHANGE = new RegExp(`\\b${CHANGE_CUE} (de |da |do |em )?(${categoryWords().join('|')})\\b`);
/** The category word itself ("pra mercado"): an alias is a category there, and a description elsewhere. */
const CATEGORY_AFTER_CUE = new RegExp(`^${CHANGE_CUE}$`);

export interface CorrectionReading {
  intent: Extract<Intent, 'amend_boleto' | 'correct_ledger'>;
  /** Only for ledger corrections. */
  hint?: LedgerCorrectionHint;
}

function ledgerKindOf(text: string): 'income' | 'expense' | undefined {
  if (EXPENSE_NOUN.test(text)) return 'expense';
  if (INCOME_NOUN.test(text)) return 'income';
  return undefined;
}

/**
 * "muda/adia/troca … boleto/vencimento …" → amend_boleto; a ledger noun or a "foi X, não Y" → correct_ledger.
 * Null when the message is neither.
 */
export function correctionIntent(
  tokens: readonly Token[],
  signals: { hasAmount: boolean; hasContact: boolean; hasDate: boolean },
): CorrectionReading | null {
  const text = ` ${tokens.map((token) => token.fold).join(' ')} `;
  const ledgerNoun = LEDGER_NOUN.test(text);
  if (AMEND_VERB.test(text) && AMEND_OBJECT.test(text) && !ledgerNoun) return { intent: 'amend_boleto' };
  const kind = ledgerKindOf(text);
  const category = CATEGORY_CHANGE.exec(text)?.[3];
  const latest = LATEST.test(text);
  if (DELETE_VERB.test(text) && ledgerNoun) {
    return { intent: 'correct_ledger', hint: { action: 'reverse', latest, ...(kind ? { kind } : {}) } };
  }
  if (
    category &&
    (latest || ledgerNoun || /\b(categoria|era|eram)\b/.test(text)) &&
    WAS.test(text) &&
    !signals.hasAmount
  ) {
    const hint: LedgerCorrectionHint = {
      action: 'category',
      latest,
      category: categoryNamed(category) ?? 'outros',
      ...(kind ? { kind } : {}),
    };
    return { intent: 'correct_ledger', hint };
  }
  const fixesAmount =
    signals.hasAmount &&
    !signals.hasContact &&
    (NOT_THAT_AMOUNT.test(text) || ((FIX_VERB.test(text) || ACTUALLY.test(text)) && (ledgerNoun || latest)));
  if (fixesAmount && !AMEND_OBJECT.test(text)) {
    return { intent: 'correct_ledger', hint: { action: 'amount', latest, ...(kind ? { kind } : {}) } };
  }
  return null;
}

/**
 * The amount a correction means when it names two ("de 150 pra 200", "foi 54, não 45"): the one after
 * "pra/para/por" or the one not after "não"; `wrong` is the other. Null when the message has no amount.
 */
export function correctedAmounts(
  tokens: readonly Token[],
  blocked: ReadonlySet<number>,
): { right: number; wrong?: number } | null {
  const found = moneyCandidates(tokens, blocked);
  const [first, second] = found;
  if (!first) return null;
  if (!second) return { right: first.cents };
  const before = (index: number) => tokens[index - 1]?.fold ?? '';
  const negated = (start: number) => before(start) === 'nao' || tokens[start - 2]?.fold === 'nao';
  const towards = (start: number) => ['pra', 'para', 'por', 'p'].includes(before(start));
  if (towards(second.start) || negated(first.start)) return { right: second.cents, wrong: first.cents };
  return { right: first.cents, wrong: second.cents };
}

/** Words of a correction that never describe the entry itself ("apaga", "último", "foi", "não", "transporte"). */
const NOT_A_TARGET = new RegExp(
  `^(${[
    DELETE_VERB.source,
    FIX_VERB.source,
    LATEST.source,
    LEDGER_NOUN.source,
    '\\b(foi|era|eram|foram|custou|deu|nao|verdade|real|alias|categoria|lancei|anotei|anotado|errado|errada|valor)\\b',
    `\\b(${CATEGORY_NAMES.join('|')})\\b`,
  ].join('|')})$`,
);

/** Token indexes a correction's description must not use: its verbs, nouns, negations and categories. */
export function correctionWords(tokens: readonly Token[]): Set<number> {
  const taken = new Set<number>();
  for (const token of tokens) if (NOT_A_TARGET.test(token.fold)) taken.add(token.index);
  for (const token of tokens) {
    const before = tokens[token.index - 1]?.fold ?? '';
    const cue = /^(de|da|do|em)$/.test(before) ? (tokens[token.index - 2]?.fold ?? '') : before;
    if (categoryNamed(token.fold) && CATEGORY_AFTER_CUE.test(cue)) taken.add(token.index);
  }
  return taken;
}
