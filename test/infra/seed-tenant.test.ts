import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbTenantRepository } from '#adapters/dynamodb/dynamodb-tenant-repository';
import { DynamoDbUserRepository } from '#adapters/dynamodb/dynamodb-user-repository';
import { WhatsAppNumberTakenError } from '#application/ports/tenant-repository';
import { normalizePhone } from '#domain/phone-number';
import { loadTenantConfig, type TenantStageConfig } from '#infra/config/load-tenant-config';
import { seedTenant } from '#infra/tenants/seed-tenant';
import { uniqueTenantId } from '#test/support/dynamodb-fixtures';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';

let table: TestTable;

beforeAll(async () => {
  table = await createTestTable('iris-seed');
});

afterAll(async () => {
  await table.drop();
});

/** The demo config under a fresh tenant id and WhatsApp number, so tests do not share items. */
function demoAs(tenantId: string, change: (config: TenantStageConfig) => void = () => {}): TenantStageConfig {
  const config = structuredClone(loadTenantConfig('demo', 'dev'));
  config.tenant.tenantId = tenantId;
  config.settings.whatsappPhoneNumberId = String(Date.now()) + String(Math.floor(Math.random() * 1e6));
  change(config);
  return config;
}

describe('seedTenant', () => {
  it('writes the profile, the WhatsApp route and the users the functions read', async () => {
    const tenantId = uniqueTenantId('seed');
    const config = demoAs(tenantId);
    const summary = await seedTenant(
      config,
      table.tableName,
      table.documentClient,
      new Date('2026-11-23T12:00:00Z'),
    );

    expect(summary).toEqual({
      tenantId,
      profile: 'created',
      whatsappPhoneNumberId: config.settings.whatsappPhoneNumberId,
      usersSaved: 2,
      usersRemoved: 0,
    });
    const tenants = new DynamoDbTenantRepository(table.tableName, table.documentClient);
    expect(await tenants.findTenantIdByWhatsAppNumber(config.settings.whatsappPhoneNumberId)).toBe(tenantId);
    expect(await tenants.getProfile(tenantId)).toMatchObject({
      name: config.tenant.displayName,
      limits: {
        maxBoletoAmountCents: config.tenant.limits.maxBoletoAmountCents,
        maxMessagesPerContactPerDay: config.tenant.limits.maxMessagesPerContactPerDay,
      },
      interestPolicy: config.tenant.interestPolicy,
      reminderWindow: config.tenant.reminders.window,
      createdAt: '2026-11-23T12:00:00.000Z',
    });
    const users = new DynamoDbUserRepository(table.tableName, table.documentClient);
    const [owner] = config.tenant.owners;
    expect(await users.findByPhone(tenantId, normalizePhone(owner?.phone ?? ''))).toMatchObject({
      name: owner?.name,
      role: 'owner',
    });
  });

  it('is idempotent, keeps createdAt and removes users taken out of the config', async () => {
    const tenantId = uniqueTenantId('reseed');
    const config = demoAs(tenantId);
    await seedTenant(config, table.tableName, table.documentClient, new Date('2026-11-23T12:00:00Z'));
    const [owner] = config.tenant.owners;
    const slimmer = demoAs(tenantId, (c) => {
      c.settings.whatsappPhoneNumberId = config.settings.whatsappPhoneNumberId;
      c.tenant.owners = c.tenant.owners.filter((o) => o.role === 'owner');
      c.tenant.limits.maxMessagesPerContactPerDay = 2;
    });

    const summary = await seedTenant(
      slimmer,
      table.tableName,
      table.documentClient,
      new Date('2026-12-01T09:00:00Z'),
    );

    expect(summary).toMatchObject({ profile: 'updated', usersSaved: 1, usersRemoved: 1 });
    const tenants = new DynamoDbTenantRepository(table.tableName, table.documentClient);
    expect(await tenants.getProfile(tenantId)).toMatchObject({
      createdAt: '2026-11-23T12:00:00.000Z',
      updatedAt: '2026-12-01T09:00:00.000Z',
      limits: { maxMessagesPerContactPerDay: 2 },
    });
    const users = await new DynamoDbUserRepository(table.tableName, table.documentClient).list(tenantId);
    expect(users.map((u) => u.phone)).toEqual([owner?.phone]);
    expect(users[0]?.createdAt).toBe('2026-11-23T12:00:00.000Z');
  });

  it('refuses a WhatsApp number another tenant already uses', async () => {
    const first = demoAs(uniqueTenantId('first'));
    await seedTenant(first, table.tableName, table.documentClient, new Date());
    const second = demoAs(uniqueTenantId('second'), (c) => {
      c.settings.whatsappPhoneNumberId = first.settings.whatsappPhoneNumberId;
    });
    await expect(
      seedTenant(second, table.tableName, table.documentClient, new Date()),
    ).rejects.toBeInstanceOf(WhatsAppNumberTakenError);
  });
});
