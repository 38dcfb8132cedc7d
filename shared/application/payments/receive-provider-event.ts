import type { Clock } from '#application/ports/clock';
import { derivedId } from './follow-up-ids';
import type { ProviderEventStore } from './provider-event-store';

/** What a provider's webhook says, reduced to the hint IRIS keeps (no payer data). */
export interface ProviderEventHint {
  eventType: string;
  providerId: string;
  claimedStatus: string;
  eventDate?: string;
}

export interface ReceivedEvent {
  eventId: string;
  outcome: 'stored' | 'duplicate';
}

/**
 * The webhook's only work before answering: store the event once (its id derived from the billet, the claimed
 * status and the event date, so the provider's retries and duplicates collapse) and let the table's stream
 * hand it to the processor. One conditional PutItem: well inside Paytime's 1-second budget.
 */
export async function receiveProviderEvent(
  deps: { events: ProviderEventStore; clock: Clock; providerName: string },
  tenantId: string,
  hint: ProviderEventHint,
): Promise<ReceivedEvent> {
  const eventId = derivedId(
    deps.providerName,
    hint.eventType,
    hint.providerId,
    hint.claimedStatus.toUpperCase(),
    hint.eventDate ?? '',
  );
  const outcome = await deps.events.storeIfNew({
    tenantId,
    eventId,
    provider: deps.providerName,
    providerId: hint.providerId,
    claimedStatus: hint.claimedStatus,
    eventType: hint.eventType,
    ...(hint.eventDate ? { eventDate: hint.eventDate } : {}),
    receivedAt: deps.clock.now().toISOString(),
  });
  return { eventId, outcome };
}
