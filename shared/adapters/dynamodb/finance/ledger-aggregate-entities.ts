import * as z from 'zod/mini';
import { ENTITY_ATTRIBUTE, type KeyedItem, primaryKey } from '#adapters/dynamodb/keys/entity-keys';
import { itemFields as f, parseItem } from '#adapters/dynamodb/keys/item-schema';
import { attr, key } from '#adapters/dynamodb/keys/key-template';
import type { LatePaymentLine } from '#application/ports/ledger-aggregates';
import type { LedgerMonthAggregate } from '#domain/ledger-aggregate';

/**
 * The ledger's read models kept by `ledger-projector` (never part of a use case's transaction):
 * - a month's figures: `T#<t>#LEDGER_MONTHS` / `MONTH#<yyyy-mm>` (a range of months is one Query, BETWEEN);
 * - a boleto paid late: `T#<t>#LATE_PAYMENTS` / `BOLETO#<boletoId>` (its latest version).
 */
export const LedgerMonthAggregateEntity = {
  name: 'LedgerMonthAggregate',
  primary: primaryKey(key('T', attr('tenantId'), 'LEDGER_MONTHS'), key('MONTH', attr('month'))),
} as const;

export const LatePaymentLineEntity = {
  name: 'LatePaymentLine',
  primary: primaryKey(key('T', attr('tenantId'), 'LATE_PAYMENTS'), key('BOLETO', attr('boletoId'))),
} as const;

export function toLedgerMonthAggregateItem(aggregate: LedgerMonthAggregate): KeyedItem {
  return {
    ...LedgerMonthAggregateEntity.primary.key(aggregate),
    [ENTITY_ATTRIBUTE]: LedgerMonthAggregateEntity.name,
    // Optional fields absent, never `undefined` (the document client refuses undefined values).
    ...(JSON.parse(JSON.stringify(aggregate)) as LedgerMonthAggregate),
  };
}

const largest = z.optional(
  z.looseObject({
    entryId: f.id(),
    amountCents: f.cents(),
    description: f.text(),
    category: f.text(),
    date: f.calendarDate(),
  }),
);
const side = z.looseObject({ totalCents: f.cents(), count: f.count(), largest });

const LedgerMonthAggregateItem = z.looseObject({
  tenantId: f.id(),
  month: z.string().check(z.regex(/^\d{4}-\d{2}$/)),
  entryCount: f.count(),
  lastDate: z.nullable(f.calendarDate()),
  computedAt: f.instant(),
  categories: z.record(z.string(), z.looseObject({ expense: side, income: side })),
  boletoReceivedCents: f.cents(),
  boletoPaymentCount: f.count(),
});

export function fromLedgerMonthAggregateItem(item: Record<string, unknown>): LedgerMonthAggregate {
  return parseItem(LedgerMonthAggregateEntity.name, LedgerMonthAggregateItem, item);
}

export function toLatePaymentLineItem(line: LatePaymentLine): KeyedItem {
  return {
    ...LatePaymentLineEntity.primary.key(line),
    [ENTITY_ATTRIBUTE]: LatePaymentLineEntity.name,
    ...line,
  };
}

const LatePaymentLineItem = z.looseObject({
  tenantId: f.id(),
  boletoId: f.id(),
  contactId: f.id(),
  dueDate: f.calendarDate(),
  paidOn: f.calendarDate(),
  amountCents: f.cents(),
  version: f.count(),
});

export function fromLatePaymentLineItem(item: Record<string, unknown>): LatePaymentLine {
  return parseItem(LatePaymentLineEntity.name, LatePaymentLineItem, item);
}
