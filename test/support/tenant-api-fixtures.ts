import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbBoletoRepository } from '#adapters/dynamodb/dynamodb-boleto-repository';
import { DynamoDbLedgerRepository } from '#adapters/dynamodb/dynamodb-ledger-repository';
import { requestBoleto } from '#domain/boleto';
import { addDays, calendarDate, saoPauloDateOf } from '#domain/calendar-date';
import { aLedgerEntry } from './dynamodb-fixtures';

/** A CPF with valid check digits, from any 9 digits. */
export function validCpf(base: number): string {
  const digits = String(base).padStart(9, '0').slice(-9).split('').map(Number);
  for (const length of [9, 10]) {
    const sum = digits
      .slice(0, length)
      .reduce((total, digit, index) => total + digit * (length + 1 - index), 0);
    const rest = (sum * 10) % 11;
    digits.push(rest === 10 ? 0 : rest);
  }
  return digits.join('');
}

/** A requested boleto of the demo tenant (as the create path stores it before the provider call). */
export async function seedRequestedBoleto(
  client: DynamoDBDocumentClient,
  tableName: string,
  input: {
    boletoId: string;
    contactId: string;
    amountCents?: number;
    dueInDays?: number;
    now: Date;
    tenantId?: string;
  },
): Promise<void> {
  const today = saoPauloDateOf(input.now);
  const change = requestBoleto(
    {
      id: input.boletoId,
      tenantId: input.tenantId ?? 'demo',
      contactId: input.contactId,
      amountCents: input.amountCents ?? 15_000,
      dueDate: addDays(today, input.dueInDays ?? 10),
      description: 'Serviço',
      commandKey: `test-${input.boletoId}`,
      today,
      maxAmountCents: 1_000_000,
    },
    { actor: { kind: 'owner', id: 'member:test' }, at: input.now.toISOString() },
  );
  await new DynamoDbBoletoRepository(tableName, client).create(change);
}

export async function seedLedgerEntry(
  client: DynamoDBDocumentClient,
  tableName: string,
  entryId: string,
  date = '2026-11-03',
): Promise<void> {
  await new DynamoDbLedgerRepository(tableName, client).add(
    aLedgerEntry('demo', { entryId, date: calendarDate(date) }),
  );
}
