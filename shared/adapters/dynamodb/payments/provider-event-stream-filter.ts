import { ENTITY_ATTRIBUTE } from '#adapters/dynamodb/keys/entity-keys';
import { ProviderEventEntity } from './provider-event-entity';

/**
 * The event source mapping filter of `paytime-event-processor` (for the CDK stack and the local cloud's stream
 * poller): only INSERTs of stored provider events reach it; the `markProcessed` update and every other entity
 * are dropped by Lambda before invocation. Plain data: `FilterCriteria.filter(PAYTIME_EVENT_STREAM_FILTER_PATTERN)`.
 */
export const PAYTIME_EVENT_STREAM_FILTER_PATTERN = {
  eventName: ['INSERT'],
  dynamodb: { NewImage: { [ENTITY_ATTRIBUTE]: { S: [ProviderEventEntity.name] } } },
} as const;

/**
 * Its settings: small batches (each record is an HTTP call to Paytime and a transaction), one bad record
 * cannot block the shard (bisect, bounded retries, then the on-failure destination); the daily reconciliation
 * heals whatever ends there.
 */
export const PAYTIME_EVENT_SOURCE = {
  startingPosition: 'TRIM_HORIZON',
  batchSize: 10,
  maxBatchingWindowSeconds: 1,
  bisectBatchOnError: true,
  retryAttempts: 5,
  maxRecordAgeSeconds: 6 * 3600,
  reportBatchItemFailures: true,
  parallelizationFactor: 2,
} as const;
