import { randomUUID } from 'node:crypto';
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Contact } from '#application/ports/contact-repository';
import type { LedgerEntry } from '#application/ports/ledger-repository';
import type { Payment } from '#application/ports/payment-repository';
import { calendarDate } from '#domain/calendar-date';
import { normalizePhone } from '#domain/phone-number';
import { parseTaxId } from '#domain/tax-id';

/** A tenant id nobody else in the run uses. */
export function uniqueTenantId(label = 'tenant'): string {
  return `${label}-${randomUUID().slice(0, 8)}`;
}

export function uniqueId(label: string): string {
  return `${label}-${randomUUID()}`;
}

export function aContact(tenantId: string, overrides: Partial<Contact> = {}): Contact {
  return {
    tenantId,
    contactId: uniqueId('contact'),
    name: 'Maria da Silva',
    phone: normalizePhone('(11) 98765-4321'),
    taxId: parseTaxId('123.456.789-09'),
    optedOut: false,
    createdAt: '2026-11-23T12:00:00.000Z',
    ...overrides,
  };
}

export function aPayment(tenantId: string, overrides: Partial<Payment> = {}): Payment {
  return {
    tenantId,
    paymentId: uniqueId('payment'),
    boletoId: uniqueId('boleto'),
    contactId: uniqueId('contact'),
    amountCents: 15_000,
    paidOn: calendarDate('2026-12-10'),
    provider: 'paytime',
    providerPaymentKey: uniqueId('paytime-event'),
    recordedAt: '2026-12-10T15:00:00.000Z',
    ...overrides,
  };
}

export function aLedgerEntry(tenantId: string, overrides: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    tenantId,
    entryId: uniqueId('entry'),
    kind: 'expense',
    date: calendarDate('2026-05-17'),
    amountCents: 4_500,
    category: 'mercado',
    description: 'gastei 45 no mercado',
    createdAt: '2026-05-17T13:00:00.000Z',
    ...overrides,
  };
}

/** Reads one raw item (keys included) to check what is really stored. */
export async function rawItem(
  documentClient: DynamoDBDocumentClient,
  tableName: string,
  key: { pk: string; sk: string },
): Promise<Record<string, unknown> | undefined> {
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: { pk: key.pk, sk: key.sk }, ConsistentRead: true }),
  );
  return Item;
}
