import { setTimeout as pause } from 'node:timers/promises';
import type { ProviderBoleto } from '#application/ports/billing-provider';
import { DuplicateLedgerEntryError } from '#application/ports/ledger-repository';
import { DuplicatePaymentError } from '#application/ports/payment-repository';
import { ConcurrentModificationError, PreconditionFailedError } from '#application/ports/persistence-errors';
import type { Boleto } from '#domain/boleto';
import type { PaymentDependencies } from './payment-dependencies';
import { recordProviderStatus, type SettlementResult } from './record-provider-status';

export type { SettlementOutcome, SettlementResult } from './record-provider-status';

/**
 * THE way a boleto learns what happened at the provider, whoever asks: the webhook's event processor, the
 * daily reconciliation, the reminder step's pre-check, the owner's cancel. The provider's API is re-read
 * unless the caller has just read it (never a webhook payload). Lost races (another call applied the same
 * payment at the same moment) are re-read and decided again: the second pass finds the work done.
 * When the boleto ends up settled (paid, partially paid with the billet closed, cancelled), its reminder loop
 * is stopped; the loop's own re-read is the safety net if that call fails.
 */

export interface SettleInput {
  tenantId: string;
  /** The boleto, when the caller knows it (reconciliation, reminder, cancel)... */
  boletoId?: string;
  /** ...or the provider's id, from a webhook. */
  providerId?: string;
  /** What the caller has just read from the provider's API (the reminder step, reconciliation). */
  providerBoleto?: ProviderBoleto;
  /** Stop the reminder loop when the boleto is settled (default true; the reminder step ends its own loop). */
  stopLoop?: boolean;
}

const MAX_ATTEMPTS = 6;
const SETTLED = new Set(['paid', 'partially_paid', 'cancelled']);

export async function settleWithProvider(
  deps: PaymentDependencies,
  input: SettleInput,
): Promise<SettlementResult> {
  let boleto = await locate(deps, input);
  if (!boleto) return { outcome: 'unknown_boleto' };
  const providerId = input.providerId ?? boleto.provider?.providerId ?? input.providerBoleto?.providerId;
  if (!providerId) return { outcome: 'unchanged', boletoId: boleto.id, status: boleto.status };
  const remote = input.providerBoleto ?? (await deps.billing.getBoleto(providerId));
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await recordProviderStatus(deps, boleto, remote);
      if (input.stopLoop !== false && SETTLED.has(result.status ?? '')) await stopLoop(deps, boleto, result);
      return result;
    } catch (error) {
      if (!isLostRace(error) || attempt >= MAX_ATTEMPTS) throw error;
      deps.logger.debug('lost a race on the boleto; re-reading', { boletoId: boleto.id, attempt });
      await pause(Math.floor(Math.random() * 20 * attempt));
      const reread = await deps.boletos.get(boleto.tenantId, boleto.id);
      if (!reread) throw error;
      boleto = reread;
    }
  }
}

async function locate(deps: PaymentDependencies, input: SettleInput): Promise<Boleto | undefined> {
  if (input.boletoId) return deps.boletos.get(input.tenantId, input.boletoId);
  const providerId = input.providerId ?? input.providerBoleto?.providerId;
  return providerId ? deps.boletos.findByProviderId(input.tenantId, providerId) : undefined;
}

function isLostRace(error: unknown): boolean {
  return (
    error instanceof ConcurrentModificationError ||
    error instanceof DuplicatePaymentError ||
    error instanceof DuplicateLedgerEntryError ||
    error instanceof PreconditionFailedError
  );
}

async function stopLoop(deps: PaymentDependencies, boleto: Boleto, result: SettlementResult): Promise<void> {
  try {
    await deps.workflows.stopReminderLoop(boleto.tenantId, boleto.id, `boleto ${result.status}`);
  } catch (error) {
    deps.logger.warn('could not stop the reminder loop; its next step will see the boleto settled', {
      boletoId: boleto.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
