import { describe, expect, it } from 'vitest';
import { accountNameIn } from '#application/collections/account-pause';
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
