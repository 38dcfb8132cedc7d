import { ENTITY_ATTRIBUTE } from '#adapters/dynamodb/keys/entity-keys';
import { OutboxMessageEntity } from './outbox-entities';

/**
 * The event source mapping filter of the outbox relay (imported by the CDK stack and by the local cloud's
 * stream poller): only INSERTs of outbox messages reach the relay. Updates (claims, `sent`, status callbacks)
 * and every other entity are dropped by Lambda before invocation, so they cost nothing.
 *
 * Plain data, no CDK import: `FilterCriteria.filter(OUTBOX_STREAM_FILTER_PATTERN)` in CDK,
 * `JSON.stringify(OUTBOX_STREAM_FILTER_PATTERN)` for the raw `Filters[].Pattern`.
 */
export const OUTBOX_STREAM_FILTER_PATTERN = {
  eventName: ['INSERT'],
  dynamodb: { NewImage: { [ENTITY_ATTRIBUTE]: { S: [OutboxMessageEntity.name] } } },
} as const;

/**
 * The relay's event source mapping settings: one bad record cannot block its shard (bisect, bounded retries,
 * then the on-failure destination), and failures are reported per record.
 */
export const OUTBOX_RELAY_EVENT_SOURCE = {
  startingPosition: 'TRIM_HORIZON',
  batchSize: 100,
  maxBatchingWindowSeconds: 1,
  bisectBatchOnError: true,
  retryAttempts: 8,
  maxRecordAgeSeconds: 6 * 3600,
  reportBatchItemFailures: true,
  parallelizationFactor: 2,
} as const;
