import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbDeduplicationRepository } from '../../../shared/adapters/dynamodb/dynamodb-deduplication-repository';
import { DedupeRecordEntity } from '../../../shared/adapters/dynamodb/entities/dedupe-record';
import { rawItem, uniqueId, uniqueTenantId } from '../../support/dynamodb-fixtures';
import { createTestTable, type TestTable } from '../../support/dynamodb-test-table';
import { expectNoScan, recordCommands } from '../../support/record-commands';

describe('DynamoDbDeduplicationRepository', () => {
  let table: TestTable;
  let dedupe: DynamoDbDeduplicationRepository;
  let recorded: string[];
  const now = new Date('2026-11-23T12:00:00.000Z');

  beforeAll(async () => {
    table = await createTestTable();
    dedupe = new DynamoDbDeduplicationRepository(table.tableName, table.documentClient);
    recorded = recordCommands(table.client);
  });

  afterAll(async () => {
    expectNoScan(recorded);
    await table.drop();
  });

  it('claims a key once while it lives', async () => {
    const tenantId = uniqueTenantId();
    const key = uniqueId('wamid');
    expect(await dedupe.claim(tenantId, 'whatsapp-message', key, { now, ttlSeconds: 3600 })).toBe(true);
    const later = new Date(now.getTime() + 60_000);
    expect(await dedupe.claim(tenantId, 'whatsapp-message', key, { now: later, ttlSeconds: 3600 })).toBe(
      false,
    );
    expect(await dedupe.claim(uniqueTenantId(), 'whatsapp-message', key, { now, ttlSeconds: 3600 })).toBe(
      true,
    );
  });

  it('stores the TTL attribute expiresAt in epoch seconds', async () => {
    const tenantId = uniqueTenantId();
    const key = uniqueId('wamid');
    await dedupe.claim(tenantId, 'whatsapp-message', key, { now, ttlSeconds: 3600 });
    const item = await rawItem(
      table.documentClient,
      table.tableName,
      DedupeRecordEntity.primary.key({ tenantId, scope: 'whatsapp-message', key }),
    );
    expect(item?.expiresAt).toBe(Math.floor(now.getTime() / 1000) + 3600);
  });

  it('treats an expired record that TTL has not deleted yet as absent', async () => {
    const tenantId = uniqueTenantId();
    const key = uniqueId('wamid');
    await dedupe.claim(tenantId, 'webhook', key, { now, ttlSeconds: 60 });
    const afterExpiry = new Date(now.getTime() + 61_000);
    expect(await dedupe.claim(tenantId, 'webhook', key, { now: afterExpiry, ttlSeconds: 60 })).toBe(true);
  });
});
