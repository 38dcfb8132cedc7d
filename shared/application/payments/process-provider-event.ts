import type { PaymentDependencies } from './payment-dependencies';
import type { ProviderEventStore } from './provider-event-store';
import { type SettlementResult, settleWithProvider } from './settle-with-provider';

export interface StoredEventRef {
  tenantId: string;
  eventId: string;
  providerId: string;
  claimedStatus: string;
}

/**
 * The stream-triggered half of the webhook: whatever the event claimed, re-read the boleto from the provider
 * and settle it through the one payment use case; then note the outcome on the event (audit). An event about
 * a billet we do not know yet (paid before our registration committed) changes nothing: the next reminder's
 * pre-check or the daily reconciliation settles it once the boleto is ours.
 */
export async function processProviderEvent(
  deps: PaymentDependencies & { events: ProviderEventStore },
  event: StoredEventRef,
): Promise<SettlementResult> {
  const result = await settleWithProvider(deps, { tenantId: event.tenantId, providerId: event.providerId });
  if (
    result.providerStatus &&
    result.providerStatus !== event.claimedStatus.toLowerCase().replace('canceled', 'cancelled')
  ) {
    deps.logger.warn('webhook claimed a status the provider does not confirm', {
      eventId: event.eventId,
      claimed: event.claimedStatus,
      confirmed: result.providerStatus,
    });
  }
  deps.logger.info('provider event processed', { eventId: event.eventId, ...result });
  try {
    await deps.events.markProcessed(event.tenantId, event.eventId, result.outcome, deps.clock.now());
  } catch (error) {
    // An audit note: the settlement above is what mattered, and it is done.
    deps.logger.warn('could not note the outcome on the stored event', {
      eventId: event.eventId,
      error: error instanceof Error ? error.message : String(error),
    });
  }
  return result;
}
