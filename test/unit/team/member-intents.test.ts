import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '#domain/calendar-date';
import { newMemberId } from '#domain/team-member';
import { parseMessage } from '#language/parser';

const today = '2026-12-05' as CalendarDate;

describe('member intents (shared/language/member-intents.ts)', () => {
  it.each([
    [
      'adiciona a Carla como operadora, 11 98888-7777',
      { name: 'Carla', role: 'operator', phone: '+5511988887777' },
    ],
    [
      'inclui o Zé como visualizador (21) 99876-5432',
      { name: 'Zé', role: 'viewer', phone: '+5521998765432' },
    ],
    ['cadastra a Júlia como sócia 11988887777', { name: 'Júlia', role: 'owner', phone: '+5511988887777' }],
    ['adiciona o Paulo na equipe', { name: 'Paulo' }],
  ])('reads "%s" as add_member with its details', (text, member) => {
    const interpretation = parseMessage(text, today);
    expect(interpretation.intent).toBe('add_member');
    expect(interpretation.member).toEqual(member);
  });

  it('says when the number written is not a Brazilian phone', () => {
    const { intent, member } = parseMessage('adiciona a Carla como operadora, 00 1234-5678', today);
    expect(intent).toBe('add_member');
    expect(member?.phone).toBeUndefined();
    expect(member?.invalidPhone).toBe('00 1234-5678');
  });

  it.each([
    ['remove o Bruno', 'Bruno'],
    ['tira a Carla da equipe', 'Carla'],
    ['exclui a Daniela', 'Daniela'],
  ])('reads "%s" as remove_member of %s', (text, name) => {
    const interpretation = parseMessage(text, today);
    expect(interpretation.intent).toBe('remove_member');
    expect(interpretation.member?.name).toBe(name);
  });

  it.each([
    ['exclui o boleto da Tati', 'cancel_boleto'],
    ['tira o boleto da Ana', 'cancel_boleto'],
    ['cobra 100 do João dia 10', 'create_boleto'],
    ['exclui a entrada de 200', 'correct_ledger'],
  ])('leaves "%s" to the money rules (%s)', (text, intent) => {
    expect(parseMessage(text, today).intent).toBe(intent);
  });
});

describe('newMemberId', () => {
  it('is the folded first name, with the last four phone digits when taken', () => {
    expect(newMemberId('Júlia Souza', '+5511988887777' as never, new Set(['ana']))).toBe('julia');
    expect(newMemberId('Carla Lima', '+5511988887777' as never, new Set(['carla']))).toBe('carla-7777');
  });
});
