import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import * as z from 'zod/mini';
import { fromBoletoItem } from '#adapters/dynamodb/entities/boleto';
import { fromLedgerEntryItem } from '#adapters/dynamodb/entities/ledger-entry';
import { isLedgerSourceEntity } from '#adapters/dynamodb/finance/ledger-stream-filter';
import { ENTITY_ATTRIBUTE } from '#adapters/dynamodb/keys/entity-keys';
import type { LedgerProjectionSource } from '#application/ledger/project-ledger-stream';

const text = z.string().check(z.minLength(1));
const date = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

/** What the projection needs of a boleto; the rest of the item is not needed (and not trusted) here. */
const boletoImageSchema = z.looseObject({
  id: text,
  tenantId: text,
  contactId: text,
  amountCents: z.int(),
  dueDate: date,
  status: text,
  version: z.int().check(z.minimum(1)),
});

/**
 * The ledger entry or boleto a record's new image carries, or `undefined` for anything else (the filter should
 * have dropped it). A malformed image throws: that record fails and, after bounded retries, goes to the
 * on-failure destination.
 */
export function ledgerSourceOf(record: DynamoDBRecord): LedgerProjectionSource | undefined {
  const image = record.dynamodb?.NewImage;
  if ((record.eventName !== 'INSERT' && record.eventName !== 'MODIFY') || !image) return undefined;
  const entity = image[ENTITY_ATTRIBUTE]?.S;
  if (!isLedgerSourceEntity(entity)) return undefined;
  const item = unmarshall(image as Record<string, AttributeValue>);
  if (entity === 'LedgerEntry') return { kind: 'entry', entry: fromLedgerEntryItem(item) };
  boletoImageSchema.parse(item);
  return { kind: 'boleto', boleto: fromBoletoItem(item) };
}
