import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyPayment,
  type Boleto,
  type BoletoChange,
  type BoletoEvent,
  type ChangeContext,
  cancelBoleto,
  canTransition,
  disputeBoleto,
  markSent,
  registerBoleto,
  requestBoleto,
  resolveDispute,
} from '#domain/boleto';
import { calendarDate } from '#domain/calendar-date';
import { DomainError } from '#domain/domain-error';

const ctx: ChangeContext = { actor: { kind: 'system', id: 'property-test' }, at: '2026-11-23T12:00:00.000Z' };

type Command =
  | { kind: 'register'; providerId: string }
  | { kind: 'send' }
  | { kind: 'pay'; paymentId: string; amountCents: number; chargesCents: number }
  | { kind: 'cancel' }
  | { kind: 'dispute' }
  | { kind: 'resolve' };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('register' as const), providerId: fc.constantFrom('pt-1', 'pt-2') }),
  fc.constant({ kind: 'send' as const }),
  fc.record({
    kind: fc.constant('pay' as const),
    paymentId: fc.constantFrom('p-1', 'p-2', 'p-3', 'p-4', 'p-5'),
    amountCents: fc.integer({ min: 1, max: 20_000 }),
    chargesCents: fc.integer({ min: 0, max: 500 }),
  }),
  fc.constant({ kind: 'cancel' as const }),
  fc.constant({ kind: 'dispute' as const }),
  fc.constant({ kind: 'resolve' as const }),
);

function run(boleto: Boleto, cmd: Command): BoletoChange {
  switch (cmd.kind) {
    case 'register':
      return registerBoleto(
        boleto,
        { providerId: cmd.providerId, digitableLine: '1'.repeat(47), barcode: '2'.repeat(44) },
        ctx,
      );
    case 'send':
      return markSent(boleto, 'whatsapp', ctx);
    case 'pay':
      return applyPayment(boleto, { ...cmd, paidOn: calendarDate('2026-12-01') }, ctx);
    case 'cancel':
      return cancelBoleto(boleto, 'owner_request', ctx);
    case 'dispute':
      return disputeBoleto(boleto, 'contested', ctx);
    case 'resolve':
      return resolveDispute(boleto, 'resolved', ctx);
  }
}

describe('Boleto aggregate properties', () => {
  it('keeps its invariants under any sequence of commands', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 15_000 }),
        fc.array(command, { maxLength: 25 }),
        (amount, commands) => {
          const created = requestBoleto(
            {
              id: 'b',
              tenantId: 't',
              contactId: 'c',
              amountCents: amount,
              dueDate: calendarDate('2026-12-01'),
              description: '',
              commandKey: 'k',
              today: calendarDate('2026-11-23'),
              maxAmountCents: 15_000,
            },
            ctx,
          );
          let boleto = created.boleto;
          const history: BoletoEvent[] = [...created.events];
          for (const cmd of commands) {
            let change: BoletoChange;
            try {
              change = run(boleto, cmd);
            } catch (error) {
              expect(error).toBeInstanceOf(DomainError); // refusals are domain errors, never crashes
              continue;
            }
            const before = boleto;
            boleto = change.boleto;
            if (change.events.length === 0) {
              expect(boleto).toBe(before); // a no-op returns the very same value
              continue;
            }
            expect(boleto.version).toBe(before.version + 1);
            for (const event of change.events) {
              expect(event.version).toBe(boleto.version);
              expect(event.from).toBe(before.status);
              expect(event.to).toBe(boleto.status);
              const stayedDisputed = event.from === 'disputed' && event.to === 'disputed';
              expect(stayedDisputed || canTransition(before.status, boleto.status)).toBe(true);
            }
            history.push(...change.events);
          }
          expect(boleto.paidCents).toBeGreaterThanOrEqual(0);
          expect(boleto.paidCents).toBeLessThanOrEqual(boleto.amountCents);
          expect(boleto.paidCents === boleto.amountCents).toBe(boleto.status === 'paid');
          expect(new Set(boleto.paymentIds).size).toBe(boleto.paymentIds.length);
          const payments = history.filter((e) => e.type === 'PaymentApplied');
          expect(payments.reduce((sum, e) => sum + e.data.principalCents, 0)).toBe(boleto.paidCents);
          expect(payments.reduce((sum, e) => sum + e.data.chargesCents, 0)).toBe(boleto.chargesPaidCents);
          expect(history.map((e) => e.version)).toEqual(
            [...history.map((e) => e.version)].sort((a, b) => a - b),
          );
          expect(history.at(-1)?.version).toBe(boleto.version);
          expect((boleto.status === 'disputed') === (boleto.disputedFrom !== undefined)).toBe(true);
          expect((boleto.status === 'disputed') === (boleto.disputeReason !== undefined)).toBe(true);
          expect((boleto.status === 'cancelled') === (boleto.cancelReason !== undefined)).toBe(true);
          expect((boleto.status === 'paid') === (boleto.paidOn !== undefined)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
