import * as z from 'zod/mini';
import { ENTITY_ATTRIBUTE, type KeyedItem, primaryKey } from '#adapters/dynamodb/keys/entity-keys';
import { itemFields as f, parseItem } from '#adapters/dynamodb/keys/item-schema';
import { attr, key } from '#adapters/dynamodb/keys/key-template';
import type { LedgerEntry } from '#application/ports/ledger-repository';

/** One partition per tenant and month; sorted by date, then id: a month's statement is one Query. */
export const LedgerEntryEntity = {
  name: 'LedgerEntry',
  primary: primaryKey(
    key('T', attr('tenantId'), 'LEDGER', attr('month')),
    key('ENTRY', attr('date'), attr('entryId')),
  ),
} as const;

/** `2026-05-17` → `2026-05`. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function ledgerEntryKey(tenantId: string, date: string, entryId: string) {
  return LedgerEntryEntity.primary.key({ tenantId, month: monthOf(date), date, entryId });
}

export function toLedgerEntryItem(entry: LedgerEntry): KeyedItem {
  return {
    ...ledgerEntryKey(entry.tenantId, entry.date, entry.entryId),
    [ENTITY_ATTRIBUTE]: LedgerEntryEntity.name,
    ...entry,
  };
}

const LedgerEntryItem = z.looseObject({
  tenantId: f.id(),
  entryId: f.id(),
  kind: z.enum(['income', 'expense']),
  date: f.calendarDate(),
  amountCents: f.cents(),
  category: f.text(),
  description: f.text(),
  boletoId: z.optional(f.id()),
  paymentId: z.optional(f.id()),
  createdAt: f.instant(),
  recordedBy: z.optional(f.text()),
});

export function fromLedgerEntryItem(item: Record<string, unknown>): LedgerEntry {
  return parseItem(LedgerEntryEntity.name, LedgerEntryItem, item);
}
