import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbTenantRepository } from '#adapters/dynamodb/dynamodb-tenant-repository';
import { DynamoDbUserRepository } from '#adapters/dynamodb/dynamodb-user-repository';
import type { TenantProfile } from '#application/ports/tenant-repository';
import { interestPolicy } from '#domain/interest-policy';
import { type E164, normalizePhone } from '#domain/phone-number';
import type { TenantStageConfig } from '#infra/config/load-tenant-config';

export interface SeedSummary {
  tenantId: string;
  profile: 'created' | 'updated';
  whatsappPhoneNumberId: string;
  usersSaved: number;
  usersRemoved: number;
}

/**
 * Writes what the functions read about a tenant from its config file into the deployed table, through the
 * production repositories: the profile (limits, interest policy, reminder window), the WhatsApp route
 * (phone-number id → tenant) and the users (owners and operators, by phone). Idempotent: run it after every
 * deploy that changes `config/tenants/<tenant>.json`. Users no longer in the file are removed, so a person
 * taken out of the config stops being able to command IRIS. `createdAt` of existing items is kept.
 */
export async function seedTenant(
  config: TenantStageConfig,
  tableName: string,
  client: DynamoDBDocumentClient,
  now: Date,
): Promise<SeedSummary> {
  const { tenant, settings } = config;
  const at = now.toISOString();
  const tenants = new DynamoDbTenantRepository(tableName, client);
  const users = new DynamoDbUserRepository(tableName, client);

  const existing = await tenants.getProfile(tenant.tenantId);
  const profile: TenantProfile = {
    tenantId: tenant.tenantId,
    name: tenant.displayName,
    limits: {
      maxBoletoAmountCents: tenant.limits.maxBoletoAmountCents,
      maxMessagesPerContactPerDay: tenant.limits.maxMessagesPerContactPerDay,
    },
    interestPolicy: interestPolicy(tenant.interestPolicy),
    reminderWindow: { ...tenant.reminders.window, weekdays: [...tenant.reminders.window.weekdays] },
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
  };
  await tenants.saveProfile(profile);
  await tenants.routeWhatsAppNumber(settings.whatsappPhoneNumberId, tenant.tenantId);

  const wanted = new Map<E164, (typeof tenant.owners)[number]>();
  for (const owner of tenant.owners) wanted.set(normalizePhone(owner.phone), owner);
  const current = await users.list(tenant.tenantId);
  let usersRemoved = 0;
  for (const user of current) {
    if (!wanted.has(user.phone)) {
      await users.remove(tenant.tenantId, user.phone);
      usersRemoved++;
    }
  }
  for (const [phone, owner] of wanted) {
    const previous = current.find((user) => user.phone === phone);
    await users.save({
      tenantId: tenant.tenantId,
      phone,
      name: owner.name,
      role: owner.role,
      createdAt: previous?.createdAt ?? at,
    });
  }
  return {
    tenantId: tenant.tenantId,
    profile: existing ? 'updated' : 'created',
    whatsappPhoneNumberId: settings.whatsappPhoneNumberId,
    usersSaved: wanted.size,
    usersRemoved,
  };
}
