import { describe, expect, it } from 'vitest';
import {
  accountNameIn,
  pinnedAccountNameIn,
  pinnedDegreeIn,
} from '#application/collections/account-controls';
import { calendarDate } from '#domain/calendar-date';
import { parseMessage } from '#language/parser';

const today = calendarDate('2026-12-05');

describe('collections intents', () => {
  it.each([
    ['como está minha carteira?', 'portfolio_status'],
    ['Como estão meus recebíveis?', 'portfolio_status'],
    ['como anda a carteira', 'portfolio_status'],
    ['resumo da carteira', 'portfolio_status'],
    ['manda as cobranças por e-mail', 'collections_campaign'],
    ['envia os emails de cobrança', 'collections_campaign'],
    ['dispara a cobrança por email', 'collections_campaign'],
    ['manda as cobranças por e-mail toda segunda', 'collections_schedule'],
    ['envia os e-mails de cobrança toda semana', 'collections_schedule'],
    ['para as cobranças automáticas', 'collections_schedule_stop'],
    ['desliga a cobrança automática por e-mail', 'collections_schedule_stop'],
  ])('%s → %s', (text, intent) => {
    expect(parseMessage(text, today).intent).toBe(intent);
  });

  it.each([
    ['cobra 150 do João dia 10', 'create_boleto'],
    ['quem me deve?', 'list_receivables'],
    ['manda o boleto do João por e-mail', 'create_boleto'],
    ['para a mensalidade do João', 'stop_recurring'],
  ])('leaves %s as %s', (text, intent) => {
    expect(parseMessage(text, today).intent).toBe(intent);
  });
});

describe('pausing one account', () => {
  it.each([
    ['pausa a cobrança da Padaria Estrela', 'collections_pause'],
    ['Pausar as cobranças do Mercado Bom Preço', 'collections_pause'],
    ['retoma a cobrança da Padaria Estrela', 'collections_resume'],
    ['volta a cobrar da Padaria Estrela', 'collections_resume'],
  ])('%s → %s', (text, intent) => {
    expect(parseMessage(text, today).intent).toBe(intent);
  });
});

describe('the account a pause names', () => {
  it.each([
    ['pausa a cobrança da Padaria Estrela', 'Padaria Estrela'],
    ['Pausar as cobranças por e-mail do Mercado Bom Preço!', 'Mercado Bom Preço'],
    ['retoma a cobrança da Padaria Estrela.', 'Padaria Estrela'],
    ['volta a cobrar da Padaria Estrela', 'Padaria Estrela'],
  ])('%s → %s', (text, name) => {
    expect(accountNameIn(text)).toBe(name);
  });
});

describe('pinning one account’s degree', () => {
  it.each([
    ['fixa a Padaria Estrela no grau 3', 'collections_pin', 'Padaria Estrela', 3],
    ['coloca a Padaria Estrela em aviso final', 'collections_pin', 'Padaria Estrela', 4],
    ['Deixa o Mercado Bom Preço no lembrete amigável', 'collections_pin', 'Mercado Bom Preço', 1],
    [
      'trava a cobrança da Oficina São Jorge em notificação formal.',
      'collections_pin',
      'Oficina São Jorge',
      3,
    ],
    ['passa a Padaria Estrela pro grau 2', 'collections_pin', 'Padaria Estrela', 2],
    ['volta a Padaria Estrela pro automático', 'collections_unpin', 'Padaria Estrela', undefined],
    [
      'volta a cobrança da Padaria Estrela para o automático!',
      'collections_unpin',
      'Padaria Estrela',
      undefined,
    ],
    ['desfixa a Padaria Estrela', 'collections_unpin', 'Padaria Estrela', undefined],
    ['destrava o grau da Padaria Estrela', 'collections_unpin', 'Padaria Estrela', undefined],
  ])('%s → %s (%s, %s)', (text, intent, name, degree) => {
    expect(parseMessage(text, today).intent).toBe(intent);
    expect(pinnedAccountNameIn(text)).toBe(name);
    expect(pinnedDegreeIn(text)).toBe(degree);
  });

  it.each([
    ['pausa a cobrança da Padaria Estrela', 'collections_pause'],
    ['volta a cobrar da Padaria Estrela', 'collections_resume'],
    ['coloca netflix sempre em lazer', 'set_category_rule'],
    ['fixa a Padaria Estrela', 'unknown'],
  ])('leaves %s as %s', (text, intent) => {
    expect(parseMessage(text, today).intent).toBe(intent);
  });
});
