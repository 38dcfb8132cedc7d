import { describe, expect, it } from 'vitest';
import { calendarDate } from '#domain/calendar-date';
import {
  advance,
  applyEntities,
  completeNewContact,
  confirm,
  nextQuestion,
  type OwnerRequest,
  RequestAlreadyDecidedError,
  resolveContact,
} from '#domain/owner-request';
import { normalizePhone } from '#domain/phone-number';
import { parseTaxId } from '#domain/tax-id';

const now = new Date('2026-11-23T12:00:00Z');
const rules = { today: calendarDate('2026-11-23'), usualMaxCents: 500_000, limitCents: 2_000_000 };

function draft(overrides: Partial<OwnerRequest> = {}): OwnerRequest {
  return {
    tenantId: 't1',
    requestId: 'r1',
    ownerPhone: normalizePhone('+5511999990001'),
    status: 'collecting',
    version: 0,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    ...overrides,
  };
}

describe('OwnerRequest', () => {
  it('asks for the contact, then the amount, then the due date, in that order', () => {
    let request = draft();
    expect(nextQuestion(request, rules)).toBe('contact');
    request = applyEntities(request, { contactName: 'João' }, now);
    request = resolveContact(request, { kind: 'exact', contact: { id: 'c1', name: 'João Silva' } }, now);
    expect(nextQuestion(request, rules)).toBe('amount');
    request = applyEntities(request, { amountCents: 15000 }, now);
    expect(nextQuestion(request, rules)).toBe('due_date');
    request = applyEntities(request, { dueDate: calendarDate('2026-12-10') }, now);
    expect(nextQuestion(request, rules)).toBeUndefined();
    expect(advance(request, rules, now).status).toBe('awaiting_confirmation');
  });

  it('asks which contact when the name matches several, listing them', () => {
    const request = resolveContact(
      applyEntities(draft(), { contactName: 'Maria', amountCents: 100, dueDate: rules.today }, now),
      {
        kind: 'uncertain',
        candidates: [
          { id: 'c2', name: 'Maria Souza' },
          { id: 'c3', name: 'Maria Lima' },
        ],
      },
      now,
    );
    expect(nextQuestion(request, rules)).toBe('choose_contact');
    expect(request.candidates?.map((c) => c.name)).toEqual(['Maria Souza', 'Maria Lima']);
  });

  it('needs a phone, a CPF/CNPJ and an e-mail (or "não tem") before issuing to someone new', () => {
    let request = applyEntities(
      draft(),
      { contactName: 'Carlos', amountCents: 100, dueDate: rules.today },
      now,
    );
    request = resolveContact(request, { kind: 'none' }, now);
    expect(nextQuestion(request, rules)).toBe('new_contact_phone');
    request = completeNewContact(request, { phone: normalizePhone('11987654321') }, now);
    expect(nextQuestion(request, rules)).toBe('new_contact_tax_id');
    request = completeNewContact(request, { taxId: parseTaxId('529.982.247-25') }, now);
    expect(nextQuestion(request, rules)).toBe('new_contact_email');
    request = completeNewContact(request, { emailDeclined: true }, now);
    expect(nextQuestion(request, rules)).toBeUndefined();
  });

  it('flags a past due date, an amount above the tenant limit and one above the usual range', () => {
    const base = resolveContact(
      applyEntities(draft(), { contactName: 'João' }, now),
      {
        kind: 'exact',
        contact: { id: 'c1', name: 'João' },
      },
      now,
    );
    const past = applyEntities(base, { amountCents: 100, dueDate: calendarDate('2026-11-20') }, now);
    expect(nextQuestion(past, rules)).toBe('past_due_date');
    const aboveLimit = applyEntities(base, { amountCents: 2_000_001, dueDate: rules.today }, now);
    expect(nextQuestion(aboveLimit, rules)).toBe('amount_above_limit');
    const unusual = applyEntities(base, { amountCents: 600_000, dueDate: rules.today }, now);
    expect(nextQuestion(unusual, rules)).toBe('unusual_amount');
  });

  it('binds a confirmation to the version that was shown', () => {
    const ready = advance(
      resolveContact(
        applyEntities(draft(), { contactName: 'João', amountCents: 15000, dueDate: rules.today }, now),
        { kind: 'exact', contact: { id: 'c1', name: 'João' } },
        now,
      ),
      rules,
      now,
    );
    expect(() => confirm(ready, ready.version - 1, now)).toThrow(/changed after the question/);
    const confirmed = confirm(ready, ready.version, now);
    expect(confirmed.status).toBe('confirmed');
    expect(() => confirm(confirmed, confirmed.version, now)).toThrow(RequestAlreadyDecidedError);
  });

  it('forgets the resolved contact when the owner names someone else', () => {
    const resolved = resolveContact(
      applyEntities(draft(), { contactName: 'João' }, now),
      {
        kind: 'exact',
        contact: { id: 'c1', name: 'João' },
      },
      now,
    );
    const renamed = applyEntities(resolved, { contactName: 'Pedro' }, now);
    expect(renamed.contactId).toBeUndefined();
    expect(renamed.contactName).toBe('Pedro');
  });
});
