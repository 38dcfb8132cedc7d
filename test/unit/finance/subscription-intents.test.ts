import { describe, expect, it } from 'vitest';
import { parseMessage } from '#language/parser';

describe('stopping a tracked subscription by message', () => {
  const today = '2026-12-05' as Parameters<typeof parseMessage>[1];

  it.each([
    ['para de acompanhar a netflix', 'netflix'],
    ['não precisa mais acompanhar o Spotify', 'Spotify'],
    ['pare de acompanhar a assinatura da Netflix', 'Netflix'],
  ])('"%s" stops following %s', (text, name) => {
    expect(parseMessage(text, today)).toMatchObject({
      intent: 'stop_tracking_expense',
      trackedExpense: name,
    });
  });

  it('leaves recurring charges and boletos to their own intents', () => {
    expect(parseMessage('para a mensalidade do João', today).intent).toBe('stop_recurring');
    expect(parseMessage('cancela o boleto do João', today).intent).toBe('cancel_boleto');
    expect(parseMessage('para de acompanhar', today).intent).not.toBe('stop_tracking_expense');
  });
});
