import { describe, expect, it } from 'vitest';
import { matchContact } from '#domain/contact-matching';
import { formalNamesOf } from '#domain/nicknames';

const contacts = [
  { id: 'c1', name: 'João Silva' },
  { id: 'c2', name: 'José Pereira' },
  { id: 'c3', name: 'Aparecida Lima' },
  { id: 'c4', name: 'Beatriz Santos' },
  { id: 'c5', name: 'Sebastião Rocha' },
  { id: 'c6', name: 'Francisco Alves' },
  { id: 'c7', name: 'Fernando Dias' },
  { id: 'c8', name: 'Gabriela Nunes' },
  { id: 'c9', name: 'Rafael Costa' },
  { id: 'c10', name: 'Luciana Melo' },
  { id: 'c11', name: 'Pedro Álvares' },
  { id: 'c12', name: 'Ana Paula Souza' },
  { id: 'c13', name: 'Carlos Moura' },
  { id: 'c14', name: 'Maria Souza' },
];

describe('nicknames and diminutives', () => {
  it.each([
    ['Joãozinho', 'João Silva'],
    ['joaozinho', 'João Silva'],
    ['Zé', 'José Pereira'],
    ['Zezinho', 'José Pereira'],
    ['Cida', 'Aparecida Lima'],
    ['Bia', 'Beatriz Santos'],
    ['Tião', 'Sebastião Rocha'],
    ['Chico', 'Francisco Alves'],
    ['Chiquinho', 'Francisco Alves'],
    ['Nando', 'Fernando Dias'],
    ['Gabi', 'Gabriela Nunes'],
    ['Rafa', 'Rafael Costa'],
    ['Lu', 'Luciana Melo'],
    ['Pedrinho', 'Pedro Álvares'],
    ['Aninha', 'Ana Paula Souza'],
    ['Carlinhos', 'Carlos Moura'],
    ['Mariazinha', 'Maria Souza'],
    ['Zé Pereira', 'José Pereira'],
  ])('"%s" is uncertain with %s as the one candidate (the owner is asked)', (written, name) => {
    const match = matchContact(written, contacts);
    expect(match.kind).toBe('uncertain');
    expect(match.kind === 'uncertain' && match.candidates.map((c) => c.name)).toEqual([name]);
  });

  it('a nickname with a surname of another contact matches no one by nickname', () => {
    expect(matchContact('Zé Silva', contacts).kind).not.toBe('exact');
    const match = matchContact('Zé Silva', contacts);
    expect(match.kind === 'uncertain' && match.candidates.map((c) => c.name)).not.toContain('José Pereira');
  });

  it('a remembered alias is an exact match', () => {
    const withAlias = contacts.map((c) => (c.id === 'c1' ? { ...c, aliases: ['joaozinho'] } : c));
    expect(matchContact('Joãozinho', withAlias)).toMatchObject({ kind: 'exact', contact: { id: 'c1' } });
  });

  it('the same alias on two contacts is uncertain', () => {
    const both = contacts.map((c) => (c.id === 'c1' || c.id === 'c2' ? { ...c, aliases: ['ze'] } : c));
    expect(matchContact('Zé', both).kind).toBe('uncertain');
  });

  it('a name that is no nickname of anyone is still no match', () => {
    expect(matchContact('Roberval', contacts).kind).toBe('none');
    expect(formalNamesOf('roberval')).toEqual([]);
  });

  it('full names and first names keep their exact matches', () => {
    expect(matchContact('joão', contacts)).toMatchObject({ kind: 'exact', contact: { id: 'c1' } });
    expect(matchContact('José Pereira', contacts)).toMatchObject({ kind: 'exact', contact: { id: 'c2' } });
  });
});
