import { canStartCompanyName, continuesCapitalisedName, isNameAmpersand } from './company-names';
import { COMMON_FIRST_NAMES, isKnownNamePart } from './first-names';
import { isNumberWord } from './number-words';
import { isWord, type Token } from './tokenise';
import { HONORIFICS, NAME_PARTICLES, NOT_A_NAME, PERSON_CUES } from './vocabulary';

/**
 * Finds the person a message is about, returned exactly as written ("João", "Maria Souza", "Zé") without
 * honorifics ("seu", "dona", "sr.") or the article/preposition before it ("o", "da", "pro").
 *
 * Every word that is not a known keyword may start a name; how sure we are depends on context:
 * an honorific before it (5), a person cue ("do", "pra", "o", a charging verb) before a capitalised word (4),
 * a capitalised word mid-sentence or a well-known first name after a cue (3), a lowercase unknown word after a
 * cue, a capitalised first word or a lowercase well-known first name anywhere (2).
 * Callers decide how much certainty each intent needs.
 */

export interface ContactMatch {
  name: string;
  start: number;
  end: number;
  /** Where the honorific/cue before the name starts: the span a description must not reuse. */
  cueStart: number;
  score: number;
}

/** Verbs whose direct object is the person: "cobra João", "cobrar dona Cida", "cancela Pedro". */
const PERSON_VERBS = new Set([
  'cobra',
  'cobrar',
  'cobre',
  'cobrando',
  'cancela',
  'cancelar',
  'lembra',
  'lembrar',
  'avisa',
  'avisar',
]);

function couldBeName(token: Token | undefined): token is Token {
  if (!isWord(token)) return false;
  const folded = token.fold;
  if (folded.length < 2) return false;
  return !NOT_A_NAME.has(folded) && !HONORIFICS.has(folded) && !isNumberWord(folded) && !/\d/.test(folded);
}

interface Context {
  cueStart: number;
  honorific: boolean;
  cue: boolean;
}

/** Looks left of a name start over honorifics (and their dots) and one cue word. */
function contextBefore(tokens: readonly Token[], start: number): Context {
  let index = start - 1;
  let honorific = false;
  while (index >= 0) {
    const token = tokens[index] as Token;
    if (token.raw === '.' && HONORIFICS.has(tokens[index - 1]?.fold ?? '')) {
      index--;
      continue;
    }
    if (isWord(token) && HONORIFICS.has(token.fold)) {
      honorific = true;
      index--;
      continue;
    }
    break;
  }
  const before = tokens[index];
  const cue = isWord(before) && (PERSON_CUES.has(before.fold) || PERSON_VERBS.has(before.fold));
  return { cueStart: cue ? index : index + 1, honorific, cue };
}

function scoreOf(token: Token, context: Context): number {
  if (context.honorific) return 5;
  if (context.cue) {
    if (token.capitalised) return 4;
    return COMMON_FIRST_NAMES.has(token.fold) ? 3 : 2;
  }
  if (token.capitalised) return token.sentenceStart ? (isKnownNamePart(token.fold) ? 3 : 2) : 3;
  return COMMON_FIRST_NAMES.has(token.fold) ? 2 : 0;
}

/** Index after the name that starts at `start`: more capitalised words, "da Silva", or known lowercase surnames. */
function nameEnd(tokens: readonly Token[], start: number, blocked: ReadonlySet<number>): number {
  const first = tokens[start] as Token;
  let end = start + 1;
  while (end < tokens.length && !blocked.has(end)) {
    const token = tokens[end] as Token;
    if (first.capitalised && isNameAmpersand(token, tokens[end + 1]) && !blocked.has(end + 1)) {
      end += 2;
      continue;
    }
    if (token.attached && !/^[-']/.test(token.raw)) break;
    if (first.capitalised && continuesCapitalisedName(token)) {
      end++;
      continue;
    }
    if (couldBeName(token) && (first.capitalised ? token.capitalised : isKnownNamePart(token.fold))) {
      end++;
      continue;
    }
    const after = tokens[end + 1];
    if (isWord(token) && NAME_PARTICLES.has(token.fold) && !blocked.has(end + 1) && couldBeName(after)) {
      const continues = first.capitalised ? after.capitalised : isKnownNamePart(after.fold);
      if (continues) {
        end += 2;
        continue;
      }
    }
    break;
  }
  return end;
}

export function findContactCandidates(
  tokens: readonly Token[],
  blocked: ReadonlySet<number>,
): ContactMatch[] {
  const found: ContactMatch[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (blocked.has(index) || !token) continue;
    const context = contextBefore(tokens, index);
    if (!couldBeName(token) && !(context.cue && canStartCompanyName(token))) continue;
    const score = scoreOf(token, context);
    if (score === 0) continue;
    const end = nameEnd(tokens, index, blocked);
    found.push({
      name: tokensText(tokens, index, end),
      start: index,
      end,
      cueStart: context.cueStart,
      score,
    });
    index = end - 1;
  }
  return found;
}

/** The name as written: the original tokens, one space between words, attached marks (Zé's "'") kept. */
function tokensText(tokens: readonly Token[], start: number, end: number): string {
  let text = '';
  for (let index = start; index < end; index++) {
    const token = tokens[index] as Token;
    text += index > start && !token.attached ? ` ${token.raw}` : token.raw;
  }
  return text;
}

/** The most likely contact among the candidates, if it is at least `minimumScore` sure. */
export function findContact(
  tokens: readonly Token[],
  blocked: ReadonlySet<number>,
  minimumScore: number,
): ContactMatch | null {
  let best: ContactMatch | null = null;
  for (const candidate of findContactCandidates(tokens, blocked)) {
    if (candidate.score < minimumScore) continue;
    if (!best || candidate.score > best.score) best = candidate;
  }
  return best;
}
