import { describe, expect, it } from 'vitest';
import { calendarDate } from '#domain/calendar-date';
import { classifyPayerMessage } from '#domain/payer-message';
import {
  advancePayerThread,
  canReply,
  emptyPayerThread,
  FORWARD_WINDOW_MS,
  MAX_PAYER_REPLIES_PER_DAY,
  shouldForwardNow,
} from '#domain/payer-thread';

describe('classifyPayerMessage', () => {
  it.each([
    ['PARAR', 'opt_out'],
    ['Não quero mais mensagens!', 'opt_out'],
    ['já paguei', 'says_paid'],
    ['Ja paguei ontem', 'says_paid'],
    ['pare de me cobrar, já paguei', 'says_paid'],
    ['paguei hoje cedo', 'says_paid'],
    ['já fiz o pix', 'says_paid'],
    ['Pagamento efetuado', 'says_paid'],
    ['já paguei o boleto', 'says_paid'],
    ['me manda o pix', 'asks_for_boleto'],
    ['pode mandar a segunda via?', 'asks_for_boleto'],
    ['2a via por favor', 'asks_for_boleto'],
    ['manda o boleto de novo', 'asks_for_boleto'],
    ['não recebi o boleto', 'asks_for_boleto'],
    ['ainda não paguei, me manda o pix', 'asks_for_boleto'],
    ['não paguei ainda', 'other'],
    ['bom dia', 'other'],
    ['quero cancelar o boleto', 'other'],
  ])('%s → %s', (text, intent) => {
    expect(classifyPayerMessage(text)).toBe(intent);
  });
});

describe('payer thread rules', () => {
  const now = new Date('2026-12-01T13:00:00.000Z');
  const today = calendarDate('2026-12-01');
  const step = { messageId: 'm1', text: 'oi', now, today, forwarded: true, replied: true };

  it('forwards the first message, holds the next ones for the window, forwards again after it', () => {
    const thread = emptyPayerThread('t', 'c');
    expect(shouldForwardNow(thread, now, false)).toBe(true);
    const after = advancePayerThread(thread, step);
    const soon = new Date(now.getTime() + FORWARD_WINDOW_MS - 1);
    expect(shouldForwardNow(after, soon, false)).toBe(false);
    expect(shouldForwardNow(after, soon, true)).toBe(true);
    expect(shouldForwardNow(after, new Date(now.getTime() + FORWARD_WINDOW_MS), false)).toBe(true);
    const held = advancePayerThread(after, { ...step, messageId: 'm2', now: soon, forwarded: false });
    expect(held.held.map((text) => text.messageId)).toEqual(['m2']);
    expect(advancePayerThread(held, { ...step, messageId: 'm3' }).held).toEqual([]);
  });

  it('counts replies per São Paulo day', () => {
    let thread = emptyPayerThread('t', 'c');
    for (let i = 0; i < MAX_PAYER_REPLIES_PER_DAY; i++) {
      expect(canReply(thread, today)).toBe(true);
      thread = advancePayerThread(thread, { ...step, messageId: `m${i}` });
    }
    expect(canReply(thread, today)).toBe(false);
    expect(canReply(thread, calendarDate('2026-12-02'))).toBe(true);
  });
});
