import type { Token } from './tokenise';

/**
 * Confirmation is a closed, explicit act (issue 12, rule 1; docs/decisions.md "Confirmation vocabulary").
 * A message confirms only when every word in it belongs to this closed vocabulary and at least one of them is
 * an affirmative: "sim", "pode mandar", "ok, obrigado", "👍". One word outside it ("faz um pix pra mim",
 * "ok mas muda o valor", "sim, mas pro Pedro") or a question mark ("pode ser amanhã?", "sim?") and the message
 * is read as what it is instead. The Sim button is decided apart (it names the request and its version).
 */

/** Affirmative answers, as folded word sequences (lowercase, no accents). */
const AFFIRMATIVES: readonly string[] = [
  'sim',
  's',
  'ss',
  'sss',
  'simm',
  'simmm',
  'yes',
  'pode',
  'pode sim',
  'pode mandar',
  'pode enviar',
  'pode gerar',
  'pode emitir',
  'pode criar',
  'pode fazer',
  'pode seguir',
  'pode confirmar',
  'pode ser',
  'pode mandar ver',
  'manda',
  'manda ver',
  'manda bala',
  'envia',
  'gera',
  'emite',
  'segue',
  'confirmo',
  'confirma',
  'confirmado',
  'confirmada',
  'isso',
  'isso mesmo',
  'isso ai',
  'e isso',
  'exato',
  'exatamente',
  'certo',
  'certinho',
  'correto',
  'ta certo',
  'esta certo',
  'ta correto',
  'esta correto',
  'tudo certo',
  'ta bom',
  'ta otimo',
  'ta ok',
  'ta',
  'ok',
  'okay',
  'okk',
  'oks',
  'blz',
  'beleza',
  'fechado',
  'fechou',
  'perfeito',
  'positivo',
  'claro',
  'claro que sim',
  'sim senhor',
  'sim senhora',
  'pode crer',
  'com certeza',
  'uhum',
  'aham',
  'bora',
  'show',
  'combinado',
  'de acordo',
];

/**
 * Words that may surround an affirmative without asking for anything: politeness, "então", the object of the
 * confirmation ("pode gerar o boleto") and vocatives. Never enough on their own.
 */
const FILLERS: readonly string[] = [
  'por favor',
  'pfv',
  'pf',
  'pls',
  'obrigado',
  'obrigada',
  'obg',
  'brigado',
  'brigada',
  'valeu',
  'vlw',
  'entao',
  'ai',
  'la',
  'mesmo',
  'iris',
  'o boleto',
  'a cobranca',
  'ele',
  'ela',
];

/** Emojis that say yes; any other symbol (a "?" above all) keeps a message from confirming. */
const AFFIRMATIVE_EMOJI = new Set(['👍', '✅', '👌', '✔', '🆗']);
const NEUTRAL_MARKS = new Set(['.', ',', '!', '️', '‍', '🏻', '🏼', '🏽', '🏾', '🏿']);

function phrases(list: readonly string[]): string[][] {
  return list.map((phrase) => phrase.split(' ')).sort((a, b) => b.length - a.length);
}

const AFFIRMATIVE_PHRASES = phrases(AFFIRMATIVES);
const FILLER_PHRASES = phrases(FILLERS);

function matchesAt(words: readonly string[], at: number, phrase: readonly string[]): boolean {
  return phrase.every((word, offset) => words[at + offset] === word);
}

/**
 * True when the words are covered by affirmatives and fillers with at least one affirmative, trying every
 * way to cut them (short messages: a handful of words).
 */
function coveredWithAffirmative(words: readonly string[], at: number, affirmed: boolean): boolean {
  if (at === words.length) return affirmed;
  for (const phrase of AFFIRMATIVE_PHRASES) {
    if (matchesAt(words, at, phrase) && coveredWithAffirmative(words, at + phrase.length, true)) return true;
  }
  for (const phrase of FILLER_PHRASES) {
    if (matchesAt(words, at, phrase) && coveredWithAffirmative(words, at + phrase.length, affirmed))
      return true;
  }
  return false;
}

/** The longest message that can still be a bare yes ("sim, pode mandar o boleto, obrigado"). */
const MAX_CONFIRM_WORDS = 8;

/** True when the message is an affirmative answer from the closed vocabulary and nothing else. */
export function isConfirmation(tokens: readonly Token[]): boolean {
  const words: string[] = [];
  let emojiYes = false;
  for (const token of tokens) {
    if (token.kind === 'word') {
      words.push(token.fold);
      continue;
    }
    if (token.kind !== 'punct' && token.kind !== 'symbol') return false;
    if (AFFIRMATIVE_EMOJI.has(token.raw)) {
      emojiYes = true;
      continue;
    }
    if (!NEUTRAL_MARKS.has(token.raw)) return false;
  }
  if (words.length > MAX_CONFIRM_WORDS) return false;
  if (words.length === 0) return emojiYes;
  return coveredWithAffirmative(words, 0, emojiYes);
}

/** The vocabulary, for docs and tests. */
export const CONFIRM_VOCABULARY = { affirmatives: AFFIRMATIVES, fillers: FILLERS } as const;
