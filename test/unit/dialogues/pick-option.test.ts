import { describe, expect, it } from 'vitest';
import { pickOption } from '#application/dialogues/pick-option';

const contacts = [
  { id: 'a', contactName: 'João Silva' },
  { id: 'b', contactName: 'João Souza' },
  { id: 'c', contactName: 'João Pedro Lima' },
];
const boletos = [
  { id: 'x', contactName: 'Maria Souza', amountCents: 10000, dueDate: '2026-12-10' },
  { id: 'y', contactName: 'Maria Souza', amountCents: 20000, dueDate: '2026-12-20' },
  { id: 'z', contactName: 'Maria Souza', amountCents: 20000, dueDate: '2026-12-30' },
];

describe('pickOption ("De qual deles?")', () => {
  it.each([
    ['2', 'b'],
    ['o 2', 'b'],
    ['opção 3', 'c'],
    ['número 1', 'a'],
    ['2º', 'b'],
    ['o segundo', 'b'],
    ['a primeira', 'a'],
    ['o Silva', 'a'],
    ['souza', 'b'],
    ['João Souza', 'b'],
    ['do João Pedro', 'c'],
    ['Lima', 'c'],
  ])('"%s" picks %s among contacts', (text, id) => {
    expect(pickOption(contacts, text)?.id).toBe(id);
  });

  it.each(['4', '0', 'o João', 'Carlos', 'sei lá', '', 'cobra 200 do Pedro dia 10 pra ontem e amanhã'])(
    '"%s" picks no contact',
    (text) => {
      expect(pickOption(contacts, text)).toBeUndefined();
    },
  );

  it('picks a boleto by number, by amount, or by due date when the amount is shared', () => {
    expect(pickOption(boletos, '3')?.id).toBe('z');
    expect(pickOption(boletos, 'o de 100', { amountCents: 10000 })?.id).toBe('x');
    expect(pickOption(boletos, 'o de 200', { amountCents: 20000 })).toBeUndefined();
    expect(pickOption(boletos, 'o do dia 30', { date: '2026-12-30' })?.id).toBe('z');
    expect(pickOption(boletos, 'o de 500', { amountCents: 50000 })).toBeUndefined();
  });
});
