import { describe, expect, it } from 'vitest';
import { contactsFor } from '#application/owner-queries/find-contact';

/** Archived contacts keep their history but are never a new charge's payer (docs/decisions.md, wt-team2). */
describe('contactsFor', () => {
  const contacts = [
    { contactId: 'joao-silva', archivedAt: undefined },
    { contactId: 'pedro-alvares', archivedAt: '2026-12-01T12:00:00.000Z' },
  ];

  it('leaves archived contacts out of a new charge', () => {
    expect(contactsFor(contacts, 'new_charge').map((contact) => contact.contactId)).toEqual(['joao-silva']);
  });

  it('keeps every contact for their history (status, statements, cancel, amend)', () => {
    expect(contactsFor(contacts, 'history').map((contact) => contact.contactId)).toEqual([
      'joao-silva',
      'pedro-alvares',
    ]);
  });
});
