import { describe, expect, it } from 'vitest';
import { matchContact } from '#domain/contact-matching';

const contacts = [
  { id: 'c1', name: 'João Silva' },
  { id: 'c2', name: 'Maria Souza' },
  { id: 'c3', name: 'Maria Oliveira' },
  { id: 'c4', name: 'Pedro Álvares' },
];

describe('matchContact', () => {
  it('matches a full name regardless of accents and case', () => {
    expect(matchContact('joao silva', contacts)).toEqual({ kind: 'exact', contact: contacts[0] });
  });

  it('matches a first name when only one contact has it', () => {
    expect(matchContact('João', contacts)).toEqual({ kind: 'exact', contact: contacts[0] });
    expect(matchContact('pedro', contacts)).toEqual({ kind: 'exact', contact: contacts[3] });
  });

  it('lists every candidate when the name is shared', () => {
    const match = matchContact('Maria', contacts);
    expect(match.kind).toBe('uncertain');
    expect(match.kind === 'uncertain' && match.candidates.map((c) => c.id)).toEqual(['c2', 'c3']);
  });

  it('treats a one-letter typo as uncertain, never as a sure match', () => {
    expect(matchContact('Joao Silvo', contacts)).toEqual({ kind: 'uncertain', candidates: [contacts[0]] });
  });

  it('finds nobody for an unknown name', () => {
    expect(matchContact('Carlos', contacts)).toEqual({ kind: 'none' });
  });
});
