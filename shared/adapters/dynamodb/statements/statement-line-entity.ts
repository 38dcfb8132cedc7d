import { ENTITY_ATTRIBUTE, type KeyedItem, primaryKey } from '#adapters/dynamodb/keys/entity-keys';
import { attr, key } from '#adapters/dynamodb/keys/key-template';
import type { CalendarDate } from '#domain/calendar-date';
import type { StatementBoletoLine, StatementPaymentLine } from '#domain/statement';

/**
 * One line of a contact's statement read model: `T#<t>#STATEMENT#<contactId>` / `BOLETO#<boletoId>` (the
 * boleto's latest version) or `PAYMENT#<paymentId>`. Keyed by the source's id, not its date, so an amended
 * due date rewrites the line in place; the reader sorts (a payer's lines are one Query, a few hundred KB at
 * most). Written only by `statement-projector`, never part of a use case's transaction.
 */
const statementPartition = key('T', attr('tenantId'), 'STATEMENT', attr('contactId'));

export const StatementBoletoLineEntity = {
  name: 'StatementBoletoLine',
  primary: primaryKey(statementPartition, key('BOLETO', attr('boletoId'))),
} as const;

export const StatementPaymentLineEntity = {
  name: 'StatementPaymentLine',
  primary: primaryKey(statementPartition, key('PAYMENT', attr('paymentId'))),
} as const;

export function statementPartitionKey(tenantId: string, contactId: string): string {
  return statementPartition.build({ tenantId, contactId });
}

export function toStatementBoletoItem(
  tenantId: string,
  contactId: string,
  line: StatementBoletoLine,
): KeyedItem {
  return {
    ...StatementBoletoLineEntity.primary.key({ tenantId, contactId, boletoId: line.boletoId }),
    [ENTITY_ATTRIBUTE]: StatementBoletoLineEntity.name,
    ...line,
  };
}

export function toStatementPaymentItem(
  tenantId: string,
  contactId: string,
  line: StatementPaymentLine,
): KeyedItem {
  return {
    ...StatementPaymentLineEntity.primary.key({ tenantId, contactId, paymentId: line.paymentId }),
    [ENTITY_ATTRIBUTE]: StatementPaymentLineEntity.name,
    ...line,
  };
}

export function fromStatementBoletoItem(item: Record<string, unknown>): StatementBoletoLine {
  return {
    boletoId: String(item.boletoId),
    description: String(item.description ?? ''),
    status: item.status as StatementBoletoLine['status'],
    amountCents: Number(item.amountCents),
    paidCents: Number(item.paidCents),
    chargesPaidCents: Number(item.chargesPaidCents ?? 0),
    dueDate: String(item.dueDate) as CalendarDate,
    createdAt: String(item.createdAt),
    version: Number(item.version),
    ...(item.paidOn ? { paidOn: String(item.paidOn) as CalendarDate } : {}),
    ...(item.disputedFrom ? { disputedFrom: item.disputedFrom as StatementBoletoLine['status'] } : {}),
  };
}

export function fromStatementPaymentItem(item: Record<string, unknown>): StatementPaymentLine {
  return {
    paymentId: String(item.paymentId),
    boletoId: String(item.boletoId),
    amountCents: Number(item.amountCents),
    paidOn: String(item.paidOn) as CalendarDate,
  };
}
