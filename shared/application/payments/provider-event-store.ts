/**
 * Port (beside its use cases; DynamoDB adapter in `shared/adapters/dynamodb/payments`): what a payment
 * provider's webhook told us, stored once per event identity before the webhook is answered, and handed on by
 * the table's stream to the event processor. The stored event is a hint only: the processor re-reads the
 * boleto from the provider. Kept for a while (TTL) for audit and de-duplication, then dropped.
 */
export interface ProviderEvent {
  tenantId: string;
  /** Derived from the provider's event (billet id, claimed status, event date): replays map to the same id. */
  eventId: string;
  provider: string;
  /** The provider's boleto id the event is about. */
  providerId: string;
  /** What the webhook claimed (never acted upon as such). */
  claimedStatus: string;
  eventType: string;
  eventDate?: string;
  receivedAt: string;
  processedAt?: string;
  /** The processor's outcome (`paid`, `unchanged`, `unknown_boleto`...). */
  outcome?: string;
}

export interface ProviderEventStore {
  /** Conditional put: `stored` the first time, `duplicate` when this event id was stored before. */
  storeIfNew(event: ProviderEvent): Promise<'stored' | 'duplicate'>;
  get(tenantId: string, eventId: string): Promise<ProviderEvent | undefined>;
  markProcessed(tenantId: string, eventId: string, outcome: string, at: Date): Promise<void>;
}
