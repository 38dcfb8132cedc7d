import { isNicknameOf } from './nicknames';

/**
 * Matching the name an owner wrote ("joao", "Zé", "Maria Souza") against the tenant's contacts.
 * Exact (accent- and case-insensitive) full-name matches win; then every written word matching the start of a
 * word of the contact's name; then near misses (one typo). A name the owner confirmed before (an alias) is exact;
 * a nickname or diminutive of the first name ("Zé", "Joãozinho") is uncertain, so the owner is asked. Anything but a single exact/word match is uncertain
 * and the conversation asks the owner to choose.
 */

export interface NamedContact {
  id: string;
  name: string;
  /** Names the owner confirmed for this contact before ("Joãozinho"), folded; see `nicknames.ts`. */
  aliases?: readonly string[];
}

export type ContactMatch<T extends NamedContact> =
  | { kind: 'exact'; contact: T }
  | { kind: 'uncertain'; candidates: T[] }
  | { kind: 'none' };

export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function words(name: string): string[] {
  return foldName(name).split(' ').filter(Boolean);
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0] ?? 0;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(above + 1, (previous[j - 1] ?? 0) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length] ?? 0;
}

function wordsMatchByPrefix(written: string[], contactWords: string[]): boolean {
  return written.every((word) => contactWords.some((candidate) => candidate.startsWith(word)));
}

function wordsNearlyMatch(written: string[], contactWords: string[]): boolean {
  return written.every((word) =>
    contactWords.some((candidate) => word.length >= 3 && editDistance(word, candidate) <= 1),
  );
}

export function matchContact<T extends NamedContact>(
  writtenName: string,
  contacts: readonly T[],
): ContactMatch<T> {
  const folded = foldName(writtenName);
  if (folded.length === 0) return { kind: 'none' };
  const exact = contacts.filter((contact) => foldName(contact.name) === folded);
  if (exact.length === 1 && exact[0]) return { kind: 'exact', contact: exact[0] };
  if (exact.length > 1) return { kind: 'uncertain', candidates: exact };
  const byAlias = contacts.filter((contact) => contact.aliases?.includes(folded));
  if (byAlias.length === 1 && byAlias[0]) return { kind: 'exact', contact: byAlias[0] };
  if (byAlias.length > 1) return { kind: 'uncertain', candidates: byAlias };

  const written = words(writtenName);
  const byWords = contacts.filter((contact) => wordsMatchByPrefix(written, words(contact.name)));
  if (byWords.length === 1 && byWords[0]) {
    // "João" matching only "João Silva" is a confident match; a prefix of a word ("Jo") is not.
    const complete = written.every((word) => words(byWords[0]?.name ?? '').includes(word));
    return complete ? { kind: 'exact', contact: byWords[0] } : { kind: 'uncertain', candidates: byWords };
  }
  if (byWords.length > 1) return { kind: 'uncertain', candidates: byWords };

  const byNickname = contacts.filter((contact) => isNicknameOf(written, words(contact.name)));
  if (byNickname.length > 0) return { kind: 'uncertain', candidates: byNickname };
  const near = contacts.filter((contact) => wordsNearlyMatch(written, words(contact.name)));
  return near.length > 0 ? { kind: 'uncertain', candidates: near } : { kind: 'none' };
}
