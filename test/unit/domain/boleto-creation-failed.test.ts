import { describe, expect, it } from 'vitest';
import {
  cancelBoleto,
  failBoletoCreation,
  isOpen,
  isOverdue,
  isPayable,
  isTerminal,
  registerBoleto,
} from '#domain/boleto';
import { codeOf, d, provider, ref, registered, requested, system } from './boleto-fixtures';

describe('failBoletoCreation', () => {
  it('ends a requested boleto `failed` with the reason and one event', () => {
    const before = requested();
    const { boleto, events } = failBoletoCreation(before, 'provider_rejected:payer.email', system);
    expect(boleto).toMatchObject({
      status: 'failed',
      failureReason: 'provider_rejected:payer.email',
      version: before.version + 1,
      updatedAt: system.at,
    });
    expect(events).toEqual([
      expect.objectContaining({
        type: 'BoletoCreationFailed',
        from: 'requested',
        to: 'failed',
        version: before.version + 1,
        actor: system.actor,
        data: { reason: 'provider_rejected:payer.email' },
      }),
    ]);
  });

  it('is terminal, closed and never payable or overdue', () => {
    const failed = failBoletoCreation(requested(), 'provider_unavailable', system).boleto;
    expect(isTerminal('failed')).toBe(true);
    expect(isOpen(failed)).toBe(false);
    expect(isPayable(failed.status)).toBe(false);
    expect(isOverdue(failed, d('2027-03-01'))).toBe(false);
    expect(codeOf(() => registerBoleto(failed, ref, provider))).toBe('invalid_transition');
    expect(codeOf(() => cancelBoleto(failed, 'x', system))).toBe('invalid_transition');
  });

  it('is a no-op when replayed and refused once the boleto was registered', () => {
    const failed = failBoletoCreation(requested(), 'provider_unavailable', system).boleto;
    const replay = failBoletoCreation(failed, 'provider_unavailable', system);
    expect(replay.boleto).toBe(failed);
    expect(replay.events).toEqual([]);
    expect(codeOf(() => failBoletoCreation(registered(), 'late', system))).toBe('invalid_transition');
  });

  it('needs a reason', () => {
    expect(codeOf(() => failBoletoCreation(requested(), '  ', system))).toBe('invalid_input');
  });
});
