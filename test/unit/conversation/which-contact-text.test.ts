import { describe, expect, it } from 'vitest';
import { whichContactText } from '#application/owner-queries/find-contact';
import type { Contact } from '#application/ports/contact-repository';

const contact = (name: string) => ({ contactId: name, name }) as Contact;

describe('whichContactText', () => {
  it('one uncertain candidate (a nickname) is named, not offered as a list', () => {
    expect(whichContactText('Joãozinho', { kind: 'uncertain', candidates: [contact('João Silva')] })).toBe(
      'Não tenho certeza de quem é "Joãozinho": é João Silva? Se for, mande de novo com o nome completo.',
    );
  });

  it('several candidates are listed', () => {
    const candidates = [contact('José Pereira'), contact('José Lima')];
    expect(whichContactText('Zé', { kind: 'uncertain', candidates })).toBe(
      'Encontrei mais de um contato parecido com "Zé": José Pereira, José Lima. De qual deles?',
    );
  });
});
