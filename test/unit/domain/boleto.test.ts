import { describe, expect, it } from 'vitest';
import {
  amountDueOn,
  applyPayment,
  BOLETO_TRANSITIONS,
  type Boleto,
  type BoletoProviderRef,
  type ChangeContext,
  cancelBoleto,
  canTransition,
  disputeBoleto,
  isOpen,
  isOverdue,
  isTerminal,
  markSent,
  type NewBoleto,
  registerBoleto,
  remainingCents,
  requestBoleto,
  resolveDispute,
  splitPaymentAmount,
} from '../../../shared/domain/boleto';
import { calendarDate } from '../../../shared/domain/calendar-date';
import { DomainError, InvalidInputError } from '../../../shared/domain/domain-error';
import { LEGAL_MAXIMUM_POLICY } from '../../../shared/domain/interest-policy';

const d = calendarDate;
const owner: ChangeContext = { actor: { kind: 'owner', id: 'user-1' }, at: '2026-11-23T12:00:00.000Z' };
const provider: ChangeContext = {
  actor: { kind: 'provider', id: 'paytime' },
  at: '2026-11-24T09:30:00.000Z',
};
const system: ChangeContext = {
  actor: { kind: 'system', id: 'whatsapp-delivery' },
  at: '2026-11-23T12:05:00Z',
};

const newBoleto: NewBoleto = {
  id: 'b-1',
  tenantId: 't-1',
  contactId: 'c-1',
  amountCents: 15000,
  dueDate: d('2026-12-10'),
  description: 'Aula de violão - dezembro',
  commandKey: 'wamid.ABC',
  today: d('2026-11-23'),
  maxAmountCents: 500000,
};

const ref: BoletoProviderRef = {
  providerId: 'pt-123',
  digitableLine: '23793.38128 60000.000003 00000.000400 1 84340000015000',
  barcode: '23791843400000150003381260000000000000000040',
  pdfUrl: 'https://paytime.example/billets/pt-123.pdf',
  pixEmv: '00020126580014br.gov.bcb.pix',
};

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
}

const requested = () => requestBoleto(newBoleto, owner).boleto;
const registered = () => registerBoleto(requested(), ref, provider).boleto;
const sent = () => markSent(registered(), 'whatsapp', system).boleto;
const pay = (boleto: Boleto, paymentId: string, amountCents: number, chargesCents = 0) =>
  applyPayment(boleto, { paymentId, amountCents, chargesCents, paidOn: d('2026-12-10') }, provider);

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

describe('applyPayment', () => {
  it('settles a boleto paid in full with PaymentApplied and BoletoPaid sharing one version', () => {
    const { boleto, events } = pay(sent(), 'p-1', 15000);
    expect(boleto).toMatchObject({ status: 'paid', paidCents: 15000, paidOn: '2026-12-10', version: 4 });
    expect(remainingCents(boleto)).toBe(0);
    expect(events.map((e) => [e.type, e.version, e.from, e.to])).toEqual([
      ['PaymentApplied', 4, 'sent', 'paid'],
      ['BoletoPaid', 4, 'sent', 'paid'],
    ]);
  });

  it('goes through partially paid and then paid', () => {
    const first = pay(sent(), 'p-1', 5000);
    expect(first.boleto.status).toBe('partially_paid');
    expect(first.events).toHaveLength(1);
    expect(first.events[0]?.data).toMatchObject({
      principalCents: 5000,
      paidCents: 5000,
      remainingCents: 10000,
    });
    const second = pay(first.boleto, 'p-2', 10000);
    expect(second.boleto).toMatchObject({ status: 'paid', paidCents: 15000, paymentIds: ['p-1', 'p-2'] });
  });

  it('rejects a payment larger than the remainder and changes nothing', () => {
    const partial = pay(sent(), 'p-1', 10000).boleto;
    expect(codeOf(() => pay(partial, 'p-2', 5001))).toBe('payment_exceeds_remaining');
    expect(codeOf(() => pay(sent(), 'p-1', 15001))).toBe('payment_exceeds_remaining');
    expect(partial).toMatchObject({ status: 'partially_paid', paidCents: 10000, version: 4 });
    expect(Object.isFrozen(partial)).toBe(true);
  });

  it('counts charges apart from the principal', () => {
    const { boleto, events } = pay(sent(), 'p-1', 15325, 325);
    expect(boleto).toMatchObject({ status: 'paid', paidCents: 15000, chargesPaidCents: 325 });
    expect(events[0]?.data).toMatchObject({ amountCents: 15325, principalCents: 15000, chargesCents: 325 });
    expect(events[1]?.data).toEqual({ paidOn: '2026-12-10', paidCents: 15000, chargesPaidCents: 325 });
  });

  it('ignores a replayed payment id', () => {
    const partial = pay(sent(), 'p-1', 5000).boleto;
    expect(pay(partial, 'p-1', 5000)).toEqual({ boleto: partial, events: [] });
  });

  it('refuses payments on boletos that cannot take them', () => {
    expect(codeOf(() => pay(requested(), 'p-1', 100))).toBe('invalid_transition');
    const paid = pay(sent(), 'p-1', 15000).boleto;
    expect(codeOf(() => pay(paid, 'p-2', 1))).toBe('invalid_transition');
    const cancelled = cancelBoleto(sent(), 'owner_request', owner).boleto;
    expect(codeOf(() => pay(cancelled, 'p-2', 100))).toBe('invalid_transition');
  });

  it('rejects malformed payments', () => {
    expect(() => pay(sent(), 'p-1', 0)).toThrow(/greater than zero/);
    expect(() => pay(sent(), 'p-1', 300, 300)).toThrow(/no principal/);
    expect(() => pay(sent(), 'p-1', 300, -1)).toThrow(/negative/);
    expect(() => pay(sent(), '', 300)).toThrow(/payment id/);
  });

  it('keeps a disputed boleto disputed on a partial payment and settles it on full payment', () => {
    const disputed = disputeBoleto(sent(), 'payer contests the amount', owner).boleto;
    const partial = pay(disputed, 'p-1', 5000).boleto;
    expect(partial).toMatchObject({ status: 'disputed', disputedFrom: 'partially_paid', paidCents: 5000 });
    expect(resolveDispute(partial, 'agreed', owner).boleto.status).toBe('partially_paid');
    const paid = pay(partial, 'p-2', 10000).boleto;
    expect(paid.status).toBe('paid');
    expect(paid.disputedFrom).toBeUndefined();
    expect('disputedFrom' in paid).toBe(false);
  });
});

describe('splitPaymentAmount', () => {
  const due = requestBoleto({ ...newBoleto, dueDate: d('2026-12-10') }, owner).boleto;

  it('takes the remainder as principal and the rest as charges within the policy', () => {
    expect(splitPaymentAmount(due, 15325, d('2026-12-15'), LEGAL_MAXIMUM_POLICY)).toEqual({
      principalCents: 15000,
      chargesCents: 325,
    });
    expect(splitPaymentAmount(due, 5000, d('2026-12-15'), LEGAL_MAXIMUM_POLICY)).toEqual({
      principalCents: 5000,
      chargesCents: 0,
    });
  });

  it('tolerates a provider rounding a centavo up per component, and no more', () => {
    expect(splitPaymentAmount(due, 15327, d('2026-12-15'), LEGAL_MAXIMUM_POLICY).chargesCents).toBe(327);
    expect(codeOf(() => splitPaymentAmount(due, 15328, d('2026-12-15'), LEGAL_MAXIMUM_POLICY))).toBe(
      'payment_exceeds_remaining',
    );
  });

  it('treats any excess on time as an overpayment', () => {
    expect(codeOf(() => splitPaymentAmount(due, 15001, d('2026-12-10'), LEGAL_MAXIMUM_POLICY))).toBe(
      'payment_exceeds_remaining',
    );
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
      requested: ['registered', 'cancelled'],
      registered: ['sent', 'partially_paid', 'paid', 'cancelled', 'disputed'],
      sent: ['partially_paid', 'paid', 'cancelled', 'disputed'],
      partially_paid: ['partially_paid', 'paid', 'cancelled', 'disputed'],
      disputed: ['registered', 'sent', 'partially_paid', 'paid', 'cancelled'],
      paid: [],
      cancelled: [],
    });
    expect(canTransition('paid', 'cancelled')).toBe(false);
    expect(isTerminal('paid') && isTerminal('cancelled') && !isTerminal('disputed')).toBe(true);
  });
});

describe('overdue and amount due', () => {
  const carnival = () => {
    const b = requestBoleto({ ...newBoleto, dueDate: d('2026-02-17'), today: d('2026-02-01') }, owner).boleto;
    return registerBoleto(b, ref, provider).boleto;
  };

  it('is computed from the due date with the business-day grace', () => {
    expect(isOverdue(carnival(), d('2026-02-17'))).toBe(false);
    expect(isOverdue(carnival(), d('2026-02-18'))).toBe(false);
    expect(isOverdue(carnival(), d('2026-02-19'))).toBe(true);
  });

  it('never applies to settled or unregistered boletos', () => {
    const paid = pay(carnival(), 'p-1', 15000).boleto;
    expect(isOverdue(paid, d('2026-03-01'))).toBe(false);
    const early = requestBoleto(
      { ...newBoleto, dueDate: d('2026-02-17'), today: d('2026-02-01') },
      owner,
    ).boleto;
    expect(isOverdue(early, d('2026-03-01'))).toBe(false);
    expect(isOpen(paid)).toBe(false);
    expect(isOpen(carnival())).toBe(true);
  });

  it('charges late fees on what remains, counted from the original due date', () => {
    const partial = pay(carnival(), 'p-1', 5000).boleto;
    expect(amountDueOn(partial, d('2026-02-18'), LEGAL_MAXIMUM_POLICY).totalCents).toBe(10000);
    expect(amountDueOn(partial, d('2026-02-19'), LEGAL_MAXIMUM_POLICY)).toMatchObject({
      daysLate: 2,
      fineCents: 200,
      interestCents: 6, // 10000 × 1% × 2/30 = 6.67, rounded down
      totalCents: 10206,
    });
  });
});
