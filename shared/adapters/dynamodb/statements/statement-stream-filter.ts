import { BoletoEntity } from '#adapters/dynamodb/entities/boleto';
import { PaymentEntity } from '#adapters/dynamodb/entities/payment';
import { ENTITY_ATTRIBUTE } from '#adapters/dynamodb/keys/entity-keys';

/**
 * The event source mapping filter of `statement-projector` (CDK stack and local stream poller alike): new and
 * changed boletos and new payments. Every other entity (audit events, outbox items, the projection's own
 * lines) is dropped by Lambda before invocation, so the projection cannot feed itself.
 */
export const STATEMENT_STREAM_FILTER_PATTERN = {
  eventName: ['INSERT', 'MODIFY'],
  dynamodb: { NewImage: { [ENTITY_ATTRIBUTE]: { S: [BoletoEntity.name, PaymentEntity.name] } } },
} as const;

/**
 * Its settings: large batches (each record is one conditional put), a bad record cannot block the shard
 * (bisect, bounded retries, then the on-failure destination). A line lost there is rebuilt by the boleto's
 * next change; the statement's truth is the table, the projection only serves it fast.
 */
export const STATEMENT_PROJECTOR_EVENT_SOURCE = {
  startingPosition: 'TRIM_HORIZON',
  batchSize: 100,
  maxBatchingWindowSeconds: 1,
  bisectBatchOnError: true,
  retryAttempts: 8,
  maxRecordAgeSeconds: 6 * 3600,
  reportBatchItemFailures: true,
  parallelizationFactor: 2,
} as const;

export function isStatementSourceEntity(entity: unknown): entity is 'Boleto' | 'Payment' {
  return entity === BoletoEntity.name || entity === PaymentEntity.name;
}
