import { ENTITY_ATTRIBUTE } from '#adapters/dynamodb/keys/entity-keys';
import { WhatsAppDeliveryEntity } from './whatsapp-delivery-entity';

/**
 * The event source mapping filter of `inbound-router` (for the CDK stack and the local cloud's stream poller):
 * only INSERTs of stored WhatsApp deliveries reach it; their TTL deletions and every other entity are dropped
 * by Lambda before invocation. Plain data: `FilterCriteria.filter(WHATSAPP_DELIVERY_STREAM_FILTER_PATTERN)`.
 */
export const WHATSAPP_DELIVERY_STREAM_FILTER_PATTERN = {
  eventName: ['INSERT'],
  dynamodb: { NewImage: { [ENTITY_ATTRIBUTE]: { S: [WhatsAppDeliveryEntity.name] } } },
} as const;

/**
 * Its settings: small batches, each record handled on its own and reported on its own (a failing delivery
 * is retried from itself, the ones after it are not held back by more than its bounded retries), bisect for
 * a batch that fails as a whole, then the on-failure destination (an alarm watches it). Routing is
 * idempotent (the inbound message guard, deterministic execution names), so a retried record changes nothing
 * twice. Records are kept for Meta's whole retry horizon (a message older than that is stale anyway).
 */
export const INBOUND_ROUTER_EVENT_SOURCE = {
  startingPosition: 'TRIM_HORIZON',
  batchSize: 10,
  maxBatchingWindowSeconds: 0,
  bisectBatchOnError: true,
  retryAttempts: 5,
  maxRecordAgeSeconds: 7 * 86_400,
  reportBatchItemFailures: true,
  parallelizationFactor: 4,
} as const;
