import { describe, expect, it } from 'vitest';
import { isNoEmailAnswer } from '#application/conversation/merge-owner-reply';

describe('isNoEmailAnswer', () => {
  it('reads the ways an owner says the payer has no e-mail', () => {
    for (const text of [
      'não tem',
      'Nao tem.',
      'sem e-mail',
      'sem email',
      'ele não tem email',
      'Ela não tem e-mail',
      'não',
      'não sei',
      'nenhum',
    ])
      expect(isNoEmailAnswer(text), text).toBe(true);
  });

  it('does not take an address, a correction or a cancellation for it', () => {
    for (const text of [
      'kleiton@gmail.com',
      'não tem problema, é 200',
      'cancela',
      'não, é outro contato',
      'tem sim',
    ])
      expect(isNoEmailAnswer(text), text).toBe(false);
  });
});
