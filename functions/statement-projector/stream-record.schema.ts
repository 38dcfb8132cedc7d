import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import * as z from 'zod/mini';
import { fromBoletoItem } from '#adapters/dynamodb/entities/boleto';
import { fromPaymentItem } from '#adapters/dynamodb/entities/payment';
import { ENTITY_ATTRIBUTE } from '#adapters/dynamodb/keys/entity-keys';
import { isStatementSourceEntity } from '#adapters/dynamodb/statements/statement-stream-filter';
import type { StatementSource } from '#application/statements/project-statement';

const text = z.string().check(z.minLength(1));
const cents = z.int().check(z.minimum(0));
const date = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

/** What a statement line is built from; the rest of the item is not needed (and not trusted) here. */
const boletoImageSchema = z.looseObject({
  id: text,
  tenantId: text,
  contactId: text,
  amountCents: cents,
  paidCents: cents,
  chargesPaidCents: cents,
  dueDate: date,
  status: text,
  version: z.int().check(z.minimum(1)),
  createdAt: text,
});

const paymentImageSchema = z.looseObject({
  paymentId: text,
  tenantId: text,
  boletoId: text,
  contactId: text,
  amountCents: cents,
  paidOn: date,
});

/**
 * The boleto or payment a record's new image carries, or `undefined` for anything else (the filter should
 * have dropped it). A malformed image throws: that record fails and, after bounded retries, goes to the
 * on-failure destination.
 */
export function statementSourceOf(record: DynamoDBRecord): StatementSource | undefined {
  const image = record.dynamodb?.NewImage;
  if ((record.eventName !== 'INSERT' && record.eventName !== 'MODIFY') || !image) return undefined;
  const entity = image[ENTITY_ATTRIBUTE]?.S;
  if (!isStatementSourceEntity(entity)) return undefined;
  const item = unmarshall(image as Record<string, AttributeValue>);
  if (entity === 'Boleto') {
    boletoImageSchema.parse(item);
    return { kind: 'boleto', boleto: fromBoletoItem(item) };
  }
  paymentImageSchema.parse(item);
  return { kind: 'payment', payment: fromPaymentItem(item) };
}
