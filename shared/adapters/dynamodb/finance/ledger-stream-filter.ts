import { BoletoEntity } from '#adapters/dynamodb/entities/boleto';
import { LedgerEntryEntity } from '#adapters/dynamodb/entities/ledger-entry';
import { ENTITY_ATTRIBUTE } from '#adapters/dynamodb/keys/entity-keys';
import { STATEMENT_PROJECTOR_EVENT_SOURCE } from '#adapters/dynamodb/statements/statement-stream-filter';

/**
 * The event source mapping filter of `ledger-projector` (CDK stack and local stream poller alike): new ledger
 * entries (the ledger is append-only: a correction is a new entry) and new or changed boletos (for the late
 * payment lines). Its own items (month figures, late lines, alert marks) never reach it, so it cannot feed
 * itself.
 */
export const LEDGER_STREAM_FILTER_PATTERN = {
  eventName: ['INSERT', 'MODIFY'],
  dynamodb: { NewImage: { [ENTITY_ATTRIBUTE]: { S: [LedgerEntryEntity.name, BoletoEntity.name] } } },
} as const;

/**
 * Its settings are the statement projector's (a projection's safety settings are one decision): large batches
 * (a batch recomputes each month it touches once), bisect, bounded retries, then the on-failure destination. A
 * month lost there is recomputed whole by the month's next entry.
 */
export const LEDGER_PROJECTOR_EVENT_SOURCE = STATEMENT_PROJECTOR_EVENT_SOURCE;

export function isLedgerSourceEntity(entity: unknown): entity is 'LedgerEntry' | 'Boleto' {
  return entity === LedgerEntryEntity.name || entity === BoletoEntity.name;
}
