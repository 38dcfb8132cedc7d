import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbTenantRepository } from '#adapters/dynamodb/dynamodb-tenant-repository';
import { DynamoDbUserRepository } from '#adapters/dynamodb/dynamodb-user-repository';
import { type TenantProfile, WhatsAppNumberTakenError } from '#application/ports/tenant-repository';
import type { TenantUser } from '#application/ports/user-repository';
import { normalizePhone } from '#domain/phone-number';
import { uniqueId, uniqueTenantId } from '#test/support/dynamodb-fixtures';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';
import { expectNoScan, recordCommands } from '#test/support/record-commands';

function aProfile(tenantId: string): TenantProfile {
  return {
    tenantId,
    name: 'Padaria Pão Quente',
    limits: { maxBoletoAmountCents: 500_000, maxMessagesPerContactPerDay: 2 },
    interestPolicy: { fineBps: 200, monthlyInterestBps: 100 },
    reminderWindow: { startHour: 9, endHour: 18, weekdays: [1, 2, 3, 4, 5] },
    createdAt: '2026-11-23T12:00:00.000Z',
    updatedAt: '2026-11-23T12:00:00.000Z',
  };
}

function aUser(tenantId: string, phone: string, overrides: Partial<TenantUser> = {}): TenantUser {
  return {
    tenantId,
    phone: normalizePhone(phone),
    name: 'Ana',
    role: 'owner',
    createdAt: '2026-11-23T12:00:00.000Z',
    ...overrides,
  };
}

describe('DynamoDbTenantRepository and DynamoDbUserRepository', () => {
  let table: TestTable;
  let tenants: DynamoDbTenantRepository;
  let users: DynamoDbUserRepository;
  let recorded: string[];

  beforeAll(async () => {
    table = await createTestTable();
    tenants = new DynamoDbTenantRepository(table.tableName, table.documentClient);
    users = new DynamoDbUserRepository(table.tableName, table.documentClient);
    recorded = recordCommands(table.client);
  });

  afterAll(async () => {
    expectNoScan(recorded);
    await table.drop();
  });

  it('stores the tenant profile as a typed record and reads it back', async () => {
    const profile = aProfile(uniqueTenantId());
    await tenants.saveProfile(profile);
    expect(await tenants.getProfile(profile.tenantId)).toEqual(profile);
    expect(await tenants.getProfile(uniqueTenantId())).toBeUndefined();
  });

  it('routes a WhatsApp phone-number id to its tenant, idempotently', async () => {
    const tenantId = uniqueTenantId();
    const phoneNumberId = uniqueId('pnid');
    await tenants.routeWhatsAppNumber(phoneNumberId, tenantId);
    await tenants.routeWhatsAppNumber(phoneNumberId, tenantId);
    expect(await tenants.findTenantIdByWhatsAppNumber(phoneNumberId)).toBe(tenantId);
    expect(await tenants.findTenantIdByWhatsAppNumber(uniqueId('pnid'))).toBeUndefined();
  });

  it('refuses to route a number that another tenant holds', async () => {
    const phoneNumberId = uniqueId('pnid');
    const owner = uniqueTenantId('a');
    await tenants.routeWhatsAppNumber(phoneNumberId, owner);
    await expect(tenants.routeWhatsAppNumber(phoneNumberId, uniqueTenantId('b'))).rejects.toBeInstanceOf(
      WhatsAppNumberTakenError,
    );
    expect(await tenants.findTenantIdByWhatsAppNumber(phoneNumberId)).toBe(owner);
  });

  it("finds a user by phone and lists only the tenant's users", async () => {
    const tenantA = uniqueTenantId('a');
    const tenantB = uniqueTenantId('b');
    const ana = aUser(tenantA, '11955550001');
    const bruno = aUser(tenantA, '11955550002', { name: 'Bruno', role: 'operator' });
    const other = aUser(tenantB, '11955550001', { name: 'Carla' });
    await tenants.saveProfile(aProfile(tenantA));
    for (const user of [ana, bruno, other]) await users.save(user);
    expect(await users.findByPhone(tenantA, ana.phone)).toEqual(ana);
    expect(await users.findByPhone(tenantB, ana.phone)).toEqual(other);
    expect(await users.list(tenantA)).toEqual([ana, bruno]);
    await users.remove(tenantA, bruno.phone);
    expect(await users.list(tenantA)).toEqual([ana]);
  });
});
