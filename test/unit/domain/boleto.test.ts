import { describe, expect, it } from 'vitest';
import {
  BOLETO_TRANSITIONS,
  cancelBoleto,
  canTransition,
  disputeBoleto,
  isTerminal,
  markSent,
  registerBoleto,
  requestBoleto,
  resolveDispute,
} from '#domain/boleto';
import { InvalidInputError } from '#domain/domain-error';
import {
  codeOf,
  d,
  newBoleto,
  owner,
  pay,
  provider,
  ref,
  registered,
  requested,
  sent,
  system,
} from './boleto-fixtures';

describe('requestBoleto', () => {
  it('creates a requested boleto at version 1 with a BoletoRequested event', () => {
    const { boleto, events } = requestBoleto(newBoleto, owner);
    expect(boleto).toMatchObject({
      id: 'b-1',
      status: 'requested',
      amountCents: 15000,
      paidCents: 0,
      chargesPaidCents: 0,
      paymentIds: [],
      version: 1,
      createdAt: owner.at,
      updatedAt: owner.at,
      commandKey: 'wamid.ABC',
    });
    expect(events).toEqual([
      {
        type: 'BoletoRequested',
        tenantId: 't-1',
        boletoId: 'b-1',
        version: 1,
        at: owner.at,
        actor: owner.actor,
        from: null,
        to: 'requested',
        data: {
          contactId: 'c-1',
          amountCents: 15000,
          dueDate: '2026-12-10',
          description: 'Aula de violão - dezembro',
          commandKey: 'wamid.ABC',
        },
      },
    ]);
  });

  it('refuses a zero or negative amount', () => {
    expect(codeOf(() => requestBoleto({ ...newBoleto, amountCents: 0 }, owner))).toBe('amount_not_positive');
    expect(codeOf(() => requestBoleto({ ...newBoleto, amountCents: -100 }, owner))).toBe(
      'amount_not_positive',
    );
    expect(() => requestBoleto({ ...newBoleto, amountCents: 150.5 }, owner)).toThrow(InvalidInputError);
  });

  it('accepts R$ 0,01 and the tenant limit itself, refuses a centavo more', () => {
    expect(requestBoleto({ ...newBoleto, amountCents: 1 }, owner).boleto.amountCents).toBe(1);
    expect(requestBoleto({ ...newBoleto, amountCents: 500000 }, owner).boleto.amountCents).toBe(500000);
    expect(codeOf(() => requestBoleto({ ...newBoleto, amountCents: 500001 }, owner))).toBe(
      'amount_above_limit',
    );
  });

  it('refuses a due date before today but accepts today', () => {
    expect(codeOf(() => requestBoleto({ ...newBoleto, dueDate: d('2026-11-22') }, owner))).toBe(
      'due_date_in_past',
    );
    expect(requestBoleto({ ...newBoleto, dueDate: d('2026-11-23') }, owner).boleto.dueDate).toBe(
      '2026-11-23',
    );
  });

  it('rejects malformed fields and contexts', () => {
    expect(() => requestBoleto({ ...newBoleto, contactId: ' ' }, owner)).toThrow(/contact id is required/);
    expect(() => requestBoleto({ ...newBoleto, description: 'x'.repeat(201) }, owner)).toThrow(/description/);
    expect(() => requestBoleto({ ...newBoleto, dueDate: '2026-02-30' as never }, owner)).toThrow(/calendar/);
    expect(() => requestBoleto(newBoleto, { ...owner, at: 'yesterday' })).toThrow(/ISO-8601/);
    expect(() =>
      requestBoleto(newBoleto, { at: owner.at, actor: { kind: 'robot', id: 'x' } } as never),
    ).toThrow(/actor/);
  });
});

describe('registerBoleto', () => {
  it('stores the provider reference with digits only and moves to registered', () => {
    const { boleto, events } = registerBoleto(requested(), ref, provider);
    expect(boleto.status).toBe('registered');
    expect(boleto.version).toBe(2);
    expect(boleto.updatedAt).toBe(provider.at);
    expect(boleto.provider).toEqual({
      ...ref,
      digitableLine: '23793381286000000000300000000400184340000015000',
    });
    expect(events.map((e) => [e.type, e.from, e.to, e.version, e.actor.kind])).toEqual([
      ['BoletoRegistered', 'requested', 'registered', 2, 'provider'],
    ]);
  });

  it('treats a replay with the same provider id as a no-op and refuses another id', () => {
    const boleto = registered();
    expect(registerBoleto(boleto, ref, provider)).toEqual({ boleto, events: [] });
    expect(codeOf(() => registerBoleto(boleto, { ...ref, providerId: 'pt-999' }, provider))).toBe(
      'invalid_transition',
    );
  });

  it('rejects malformed provider data', () => {
    expect(() => registerBoleto(requested(), { ...ref, digitableLine: '123' }, provider)).toThrow(/47 or 48/);
    expect(() => registerBoleto(requested(), { ...ref, barcode: 'x'.repeat(44) }, provider)).toThrow(/44/);
    expect(() => registerBoleto(requested(), { ...ref, pdfUrl: 'not a url' }, provider)).toThrow(/URL/);
    expect(() => registerBoleto(requested(), { ...ref, pdfUrl: 'ftp://x/y.pdf' }, provider)).toThrow(/http/);
  });
});

describe('markSent', () => {
  it('moves a registered boleto to sent', () => {
    const { boleto, events } = markSent(registered(), 'whatsapp', system);
    expect(boleto.status).toBe('sent');
    expect(events[0]).toMatchObject({
      type: 'BoletoSent',
      from: 'registered',
      to: 'sent',
      data: { channel: 'whatsapp' },
    });
  });

  it('is a no-op once the boleto is sent, paid or disputed', () => {
    const already = sent();
    expect(markSent(already, 'email', system)).toEqual({ boleto: already, events: [] });
    const paid = pay(registered(), 'p-1', 15000).boleto;
    expect(markSent(paid, 'whatsapp', system).events).toEqual([]);
    const disputed = disputeBoleto(registered(), 'payer says it is not theirs', owner).boleto;
    expect(markSent(disputed, 'whatsapp', system).boleto.status).toBe('disputed');
  });

  it('refuses a boleto not registered yet or cancelled', () => {
    expect(codeOf(() => markSent(requested(), 'whatsapp', system))).toBe('invalid_transition');
    const cancelled = cancelBoleto(sent(), 'owner_request', owner).boleto;
    expect(codeOf(() => markSent(cancelled, 'whatsapp', system))).toBe('invalid_transition');
  });
});

describe('cancel and dispute', () => {
  it('cancels an open boleto, recording what remained', () => {
    const partial = pay(sent(), 'p-1', 5000).boleto;
    const { boleto, events } = cancelBoleto(partial, 'owner_request', owner);
    expect(boleto).toMatchObject({ status: 'cancelled', cancelReason: 'owner_request' });
    expect(events[0]).toMatchObject({
      type: 'BoletoCancelled',
      from: 'partially_paid',
      to: 'cancelled',
      data: { reason: 'owner_request', remainingCents: 10000 },
    });
    expect(cancelBoleto(requested(), 'provider_rejected', system).boleto.status).toBe('cancelled');
  });

  it('treats cancelling twice as a no-op and refuses to cancel a paid boleto', () => {
    const cancelled = cancelBoleto(sent(), 'owner_request', owner).boleto;
    expect(cancelBoleto(cancelled, 'again', owner)).toEqual({ boleto: cancelled, events: [] });
    const paid = pay(sent(), 'p-1', 15000).boleto;
    expect(codeOf(() => cancelBoleto(paid, 'owner_request', owner))).toBe('invalid_transition');
    expect(() => cancelBoleto(sent(), ' ', owner)).toThrow(/reason/);
  });

  it('disputes and resolves back to the previous status', () => {
    const disputed = disputeBoleto(sent(), 'já paguei', {
      actor: { kind: 'contact', id: 'c-1' },
      at: owner.at,
    });
    expect(disputed.boleto).toMatchObject({
      status: 'disputed',
      disputedFrom: 'sent',
      disputeReason: 'já paguei',
    });
    expect(disputed.events[0]).toMatchObject({
      type: 'BoletoDisputed',
      actor: { kind: 'contact', id: 'c-1' },
    });
    const resolved = resolveDispute(disputed.boleto, 'payment not found, reminders resume', owner);
    expect(resolved.boleto.status).toBe('sent');
    expect('disputedFrom' in resolved.boleto).toBe(false);
    expect(resolved.events[0]).toMatchObject({ type: 'BoletoDisputeResolved', from: 'disputed', to: 'sent' });
  });

  it('refuses to dispute twice, dispute a settled boleto or resolve without a dispute', () => {
    const disputed = disputeBoleto(sent(), 'x', owner).boleto;
    expect(codeOf(() => disputeBoleto(disputed, 'y', owner))).toBe('invalid_transition');
    expect(codeOf(() => disputeBoleto(requested(), 'y', owner))).toBe('invalid_transition');
    expect(codeOf(() => disputeBoleto(pay(sent(), 'p', 15000).boleto, 'y', owner))).toBe(
      'invalid_transition',
    );
    expect(codeOf(() => resolveDispute(sent(), 'ok', owner))).toBe('invalid_transition');
    expect(cancelBoleto(disputed, 'written off', owner).boleto.status).toBe('cancelled');
  });
});

describe('status transitions', () => {
  it('are exactly the documented table', () => {
    expect(BOLETO_TRANSITIONS).toEqual({
      requested: ['registered', 'cancelled', 'failed'],
      registered: ['sent', 'partially_paid', 'paid', 'cancelled', 'disputed'],
      sent: ['partially_paid', 'paid', 'cancelled', 'disputed'],
      partially_paid: ['partially_paid', 'paid', 'cancelled', 'disputed'],
      disputed: ['registered', 'sent', 'partially_paid', 'paid', 'cancelled'],
      paid: [],
      cancelled: [],
      failed: [],
    });
    expect(canTransition('paid', 'cancelled')).toBe(false);
    expect(isTerminal('paid') && isTerminal('cancelled') && !isTerminal('disputed')).toBe(true);
  });
});
