import { foldName } from '#domain/contact-matching';

/**
 * The answer to "De qual deles?" (issue 12, rule 3), wherever it is asked: a number ("2", "o 2", "opção 2"),
 * an ordinal ("o segundo", "a primeira"), a name or a surname ("o Silva", "João Souza"), or, when the options
 * are boletos, an amount ("o de 150") or a due date ("o do dia 10"). An answer that fits no option, or more
 * than one, picks nothing: IRIS asks again rather than guess.
 */

export interface PickableOption {
  /** Absent where options are not people's (a ledger entry): then only numbers, amounts and dates pick. */
  contactName?: string;
  amountCents?: number;
  dueDate?: string;
}

export interface PickHints {
  /** The amount the language model read in the answer ("150" → 15000; "2" → 200). */
  amountCents?: number | null;
  /** The date it read, resolved as a due date. */
  date?: string | null;
}

const ORDINALS = [
  ['primeiro', 'primeira', '1o', '1a'],
  ['segundo', 'segunda', '2o', '2a'],
  ['terceiro', 'terceira', '3o', '3a'],
  ['quarto', 'quarta', '4o', '4a'],
  ['quinto', 'quinta', '5o', '5a'],
  ['sexto', 'sexta', '6o', '6a'],
];

/** Words around a pick that say nothing about which option: "o", "do", "opção", "número", "esse". */
const FILLER = new Set(
  'o a os as do da de dos das e eh numero num n opcao opcoes esse essa este esta aquele aquela pro pra para cancela cancelar quero escolho ultimo ultima boleto cobranca contato cliente sim pode'.split(
    ' ',
  ),
);

function words(text: string): string[] {
  return foldName(text.replace(/º/g, 'o').replace(/ª/g, 'a')).split(' ').filter(Boolean);
}

function byNumber(answer: string[], count: number): number | undefined {
  const meaningful = answer.filter((word) => !FILLER.has(word));
  if (meaningful.length !== 1) return undefined;
  const [word] = meaningful as [string];
  if (/^\d{1,2}$/.test(word)) {
    const index = Number(word) - 1;
    return index >= 0 && index < count ? index : undefined;
  }
  const ordinal = ORDINALS.findIndex((forms) => forms.includes(word));
  return ordinal >= 0 && ordinal < count ? ordinal : undefined;
}

/** Options whose registered name contains every word of the answer ("silva" → "João Silva"). */
function byName<T extends PickableOption>(options: readonly T[], answer: string[]): T[] {
  const meaningful = answer.filter((word) => !FILLER.has(word) && !/^\d+$/.test(word));
  if (meaningful.length === 0) return [];
  return options.filter((option) => {
    if (option.contactName === undefined) return false;
    const name = words(option.contactName);
    return meaningful.every((word) => name.includes(word));
  });
}

function only<T>(list: readonly T[]): T | undefined {
  return list.length === 1 ? list[0] : undefined;
}

export function pickOption<T extends PickableOption>(
  options: readonly T[],
  text: string,
  hints: PickHints = {},
): T | undefined {
  const answer = words(text);
  if (answer.length === 0 || answer.length > 6) return undefined;
  const index = byNumber(answer, options.length);
  if (index !== undefined) return options[index];
  const named = byName(options, answer);
  if (named.length === 1) return named[0];
  const pool = named.length > 1 ? named : options;
  const { amountCents, date } = hints;
  if (amountCents != null) {
    const matching = pool.filter((option) => option.amountCents === amountCents);
    if (matching.length > 0) return only(matching);
  }
  if (date != null) return only(pool.filter((option) => option.dueDate === date));
  return undefined;
}
