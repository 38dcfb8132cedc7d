import { describe, expect, it } from 'vitest';
import { applyPayment, cancelBoleto } from '#domain/boleto';
import {
  aboutCancelledBoleto,
  aboutPayableBoleto,
  judgeSubject,
  newOutboxMessage,
  subjectOf,
} from '#domain/outbox-message';
import { d, owner, provider, registered, sent } from './boleto-fixtures';

const cancelled = () => cancelBoleto(sent(), 'owner_request', owner).boleto;
const paid = () =>
  applyPayment(sent(), { paymentId: 'pay-1', amountCents: 15000, paidOn: d('2026-12-09') }, provider).boleto;

describe('judgeSubject (is a message still true at send time?)', () => {
  it('keeps a boleto message while the boleto is payable', () => {
    expect(judgeSubject(aboutPayableBoleto(registered()), sent(), false)).toEqual({ stillTrue: true });
  });

  it('drops a boleto message once the boleto was paid or cancelled, naming the status', () => {
    const about = aboutPayableBoleto(registered());
    expect(judgeSubject(about, paid(), false)).toEqual({ stillTrue: false, reason: 'boleto_paid' });
    expect(judgeSubject(about, cancelled(), true)).toEqual({ stillTrue: false, reason: 'boleto_cancelled' });
    expect(judgeSubject(about, undefined, false)).toEqual({ stillTrue: false, reason: 'boleto_missing' });
  });

  it('drops a reminder that states amounts once a payment arrived after it was written', () => {
    const about = aboutPayableBoleto(sent(), { statesAmountDue: true });
    // A payment into a disputed boleto keeps it payable, but the amounts the reminder states are stale.
    expect(judgeSubject(about, { ...sent(), status: 'disputed', paidCents: 5000 }, false)).toEqual({
      stillTrue: false,
      reason: 'payment_since_written',
    });
    // A short payment closes the billet (partially_paid is not payable): the status is the reason.
    expect(judgeSubject(about, { ...sent(), status: 'partially_paid', paidCents: 5000 }, false)).toEqual({
      stillTrue: false,
      reason: 'boleto_partially_paid',
    });
    expect(judgeSubject(about, sent(), false)).toEqual({ stillTrue: true });
  });

  it('sends a cancellation notice only if the payer had received the boleto', () => {
    const about = aboutCancelledBoleto(sent());
    expect(judgeSubject(about, cancelled(), true)).toEqual({ stillTrue: true });
    expect(judgeSubject(about, cancelled(), false)).toEqual({
      stillTrue: false,
      reason: 'boleto_never_reached_payer',
    });
    expect(judgeSubject(about, sent(), true)).toEqual({ stillTrue: false, reason: 'boleto_not_cancelled' });
  });
});

describe('subjectOf', () => {
  const base = {
    channel: 'whatsapp' as const,
    recipient: '+5511987654321',
    content: { type: 'text' as const, text: 'x' },
    correlationId: 'c',
  };
  const context = { id: 'o-1', tenantId: 't-1', now: new Date('2026-12-09T14:00:00Z') };

  it('takes a payer message naming a boleto without `about` to be about it being payable', () => {
    const message = newOutboxMessage(
      { ...base, kind: 'reminder', audience: 'contact', boletoId: 'b-1' },
      context,
    );
    expect(subjectOf(message)).toEqual({ boletoId: 'b-1', holdsWhile: 'boleto_payable' });
  });

  it('never drops a message to the owner, nor a payer message about no boleto', () => {
    const toOwner = newOutboxMessage(
      { ...base, kind: 'payment_received', audience: 'owner', boletoId: 'b-1' },
      context,
    );
    const optOut = newOutboxMessage({ ...base, kind: 'opt_out_confirmation', audience: 'contact' }, context);
    expect(subjectOf(toOwner)).toBeUndefined();
    expect(subjectOf(optOut)).toBeUndefined();
  });
});
