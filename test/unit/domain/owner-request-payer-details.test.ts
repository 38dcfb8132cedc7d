import { describe, expect, it } from 'vitest';
import { calendarDate } from '#domain/calendar-date';
import { findEmailIn, tryParseEmail } from '#domain/email-address';
import {
  advance,
  applyEntities,
  commandKeyOf,
  completeNewContact,
  confirm,
  nextQuestion,
  noteProviderOutage,
  type OwnerRequest,
  providePayerEmail,
  reopenForRejectedPayer,
  resolveContact,
} from '#domain/owner-request';
import { normalizePhone } from '#domain/phone-number';
import { parseTaxId } from '#domain/tax-id';

const now = new Date('2026-11-23T12:00:00Z');
const later = new Date('2026-11-23T12:05:00Z');
const rules = { today: calendarDate('2026-11-23'), usualMaxCents: 500_000, limitCents: 2_000_000 };
const email = (text: string) => tryParseEmail(text) ?? expect.unreachable(`not an e-mail: ${text}`);

function draft(): OwnerRequest {
  return {
    tenantId: 't1',
    requestId: 'r1',
    ownerPhone: normalizePhone('+5511999990001'),
    status: 'collecting',
    version: 0,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
}

function newPayerRequest(): OwnerRequest {
  const named = applyEntities(
    draft(),
    { contactName: 'Kleiton', amountCents: 12000, dueDate: calendarDate('2026-12-20') },
    now,
  );
  return resolveContact(named, { kind: 'none' }, now);
}

function knownPayerRequest(): OwnerRequest {
  const named = applyEntities(
    draft(),
    { contactName: 'João', amountCents: 12000, dueDate: calendarDate('2026-12-20') },
    now,
  );
  return resolveContact(named, { kind: 'exact', contact: { id: 'c1', name: 'João Silva' } }, now);
}

function confirmed(request: OwnerRequest): OwnerRequest {
  const ready = advance(request, rules, now);
  expect(ready.status).toBe('awaiting_confirmation');
  return confirm(ready, ready.version, later);
}

describe('a new payer: WhatsApp, CPF/CNPJ and e-mail in one dialogue', () => {
  it('asks for the e-mail after the phone and the tax id, and accepts "não tem"', () => {
    let request = newPayerRequest();
    expect(nextQuestion(request, rules)).toBe('new_contact_phone');
    request = completeNewContact(request, { phone: normalizePhone('11987654321') }, now);
    expect(nextQuestion(request, rules)).toBe('new_contact_tax_id');
    request = completeNewContact(request, { taxId: parseTaxId('529.982.247-25') }, now);
    expect(nextQuestion(request, rules)).toBe('new_contact_email');
    expect(nextQuestion(completeNewContact(request, { emailDeclined: true }, now), rules)).toBeUndefined();
    expect(
      nextQuestion(completeNewContact(request, { email: email('k@x.com.br') }, now), rules),
    ).toBeUndefined();
  });

  it('a registered contact is not asked for an e-mail before confirming', () => {
    expect(nextQuestion(knownPayerRequest(), rules)).toBeUndefined();
  });
});

describe('a provider refusal of a payer detail', () => {
  const complete = () =>
    completeNewContact(
      newPayerRequest(),
      { phone: normalizePhone('11987654321'), taxId: parseTaxId('52998224725'), emailDeclined: true },
      now,
    );

  it('reopens the request, asks for the e-mail ("não tem" no longer enough) and moves to a new command key', () => {
    const first = confirmed(complete());
    expect(first).toMatchObject({ confirmationAskedAt: now.toISOString(), confirmedAt: later.toISOString() });
    expect(commandKeyOf(first)).toBe('r1');
    const reopened = reopenForRejectedPayer(
      { ...first, boletoId: 'b1', providerAttemptAt: now.toISOString() },
      'payer.email',
      later,
    );
    expect(reopened).toMatchObject({
      status: 'collecting',
      providerRejected: 'payer.email',
      creationAttempt: 1,
    });
    expect(reopened.boletoId).toBeUndefined();
    expect(reopened.providerAttemptAt).toBeUndefined();
    expect(commandKeyOf(reopened)).toBe('r1-1');
    expect(nextQuestion(reopened, rules)).toBe('payer_email_required');
    const fixed = providePayerEmail(reopened, email('Kleiton@Exemplo.com'), later);
    expect(fixed.newContact?.email).toBe('kleiton@exemplo.com');
    expect(fixed.providerRejected).toBeUndefined();
    expect(nextQuestion(fixed, rules)).toBeUndefined();
  });

  it('asks a registered contact for the e-mail, kept on the request until the next attempt', () => {
    const reopened = reopenForRejectedPayer(confirmed(knownPayerRequest()), 'payer.email', later);
    expect(nextQuestion(reopened, rules)).toBe('payer_email_required');
    const fixed = providePayerEmail(reopened, email('joao@ex.com'), later);
    expect(fixed.payerEmail).toBe('joao@ex.com');
    expect(nextQuestion(fixed, rules)).toBeUndefined();
  });

  it('asks a new payer for the refused tax id again, but refuses to reopen for a registered contact', () => {
    const reopened = reopenForRejectedPayer(confirmed(complete()), 'payer.taxId', later);
    expect(reopened.newContact?.taxId).toBeUndefined();
    expect(nextQuestion(reopened, rules)).toBe('new_contact_tax_id');
    expect(() => reopenForRejectedPayer(confirmed(knownPayerRequest()), 'payer.taxId', later)).toThrow(
      /cannot be fixed here/,
    );
  });

  it('only a confirmed request can be reopened', () => {
    expect(() => reopenForRejectedPayer(complete(), 'payer.email', later)).toThrow(/already/);
  });
});

describe('provider outage', () => {
  it('remembers when the outage was first noticed, once', () => {
    const request = confirmed(knownPayerRequest());
    const noted = noteProviderOutage(request, now);
    expect(noted.providerOutageSince).toBe(now.toISOString());
    expect(noteProviderOutage(noted, later)).toBe(noted);
  });
});

describe('e-mail addresses', () => {
  it('accepts plain addresses, normalised, and finds one inside an answer', () => {
    expect(tryParseEmail(' Joao.Silva+boletos@Example.COM.br ')).toBe('joao.silva+boletos@example.com.br');
    expect(findEmailIn('é kleiton@gmail.com.')).toBe('kleiton@gmail.com');
  });

  it('refuses typos and answers with two addresses', () => {
    for (const text of [
      'joao@',
      'joao@gmail',
      'joao gmail.com',
      'jo ao@x.com',
      'a@b.c',
      'a..b@x.com',
      '.a@x.com',
    ])
      expect(tryParseEmail(text), text).toBeUndefined();
    expect(findEmailIn('a@x.com ou b@y.com')).toBeUndefined();
    expect(findEmailIn('não tem')).toBeUndefined();
  });
});
