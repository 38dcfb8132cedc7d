import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbContactRepository } from '#adapters/dynamodb/dynamodb-contact-repository';
import { DynamoDbTenantRepository } from '#adapters/dynamodb/dynamodb-tenant-repository';
import { DynamoDbUserRepository } from '#adapters/dynamodb/dynamodb-user-repository';
import type { Contact } from '#application/ports/contact-repository';
import type { TenantProfile } from '#application/ports/tenant-repository';
import type { TenantUser } from '#application/ports/user-repository';
import { interestPolicy } from '#domain/interest-policy';
import { normalizePhone } from '#domain/phone-number';
import { parseTaxId } from '#domain/tax-id';

/**
 * The demo tenant the local cloud starts with: a small business, its owner's WhatsApp number, and four
 * contacts with valid CPFs, phones and e-mails (the last one is `npm run demo`'s own), written through the
 * production repositories.
 */

export const DEMO_TENANT = {
  tenantId: 'demo',
  name: 'Oficina Demo Ltda',
  /** Meta's id of the business number: routes inbound webhooks to the tenant. */
  whatsAppPhoneNumberId: '109876543210987',
  /** The business number as Meta displays it (digits). */
  whatsAppDisplayNumber: '551140028922',
  owner: { name: 'Ana Demo', phone: '+5511999990001' },
  /** The team (one member per role), stored as the tenant's users: each is recognised on WhatsApp by phone. */
  members: [
    { username: 'ana', name: 'Ana Demo', role: 'owner', phone: '+5511999990001' },
    { username: 'bruno', name: 'Bruno Operador', role: 'operator', phone: '+5511999990002' },
    { username: 'carla', name: 'Carla Consulta', role: 'viewer', phone: '+5511999990003' },
  ],
  contacts: [
    {
      contactId: 'joao-silva',
      name: 'João Silva',
      phone: '+5511988880001',
      cpf: '52998224725',
      email: 'joao.silva@example.com',
    },
    {
      contactId: 'maria-souza',
      name: 'Maria Souza',
      phone: '+5511988880002',
      cpf: '11144477735',
      email: 'maria.souza@example.com',
    },
    {
      contactId: 'pedro-alvares',
      name: 'Pedro Álvares',
      phone: '+5511988880003',
      cpf: '93541134780',
      email: 'pedro.alvares@example.com',
    },
    {
      // `npm run demo`'s own payer: the scripted story charges only him, so its boletos never mix with the
      // ones you create in the console for João, Maria or Pedro.
      contactId: 'caio-teixeira',
      name: 'Caio Teixeira',
      phone: '+5511988880009',
      cpf: '28625587887',
      email: 'caio.teixeira@example.com',
    },
  ],
  limits: { maxBoletoAmountCents: 5_000_000, maxMessagesPerContactPerDay: 3 },
  /** 2% fine and 1% a month: the legal maximum, and what the market uses. */
  interestPolicy: { fineBps: 200, monthlyInterestBps: 100 },
  /** São Paulo wall clock, Monday to Saturday. */
  reminderWindow: { startHour: 8, endHour: 20, weekdays: [1, 2, 3, 4, 5, 6] },
  /** The "régua": 3 days before, on the due date, then 1, 3, 7 and 15 days late. */
  cadenceDaysFromDue: [-3, 0, 1, 3, 7, 15],
} as const;

export async function seedDemoTenant(
  tableName: string,
  client: DynamoDBDocumentClient,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  const tenants = new DynamoDbTenantRepository(tableName, client);
  const users = new DynamoDbUserRepository(tableName, client);
  const contacts = new DynamoDbContactRepository(tableName, client);
  const profile: TenantProfile = {
    tenantId: DEMO_TENANT.tenantId,
    name: DEMO_TENANT.name,
    limits: { ...DEMO_TENANT.limits },
    interestPolicy: interestPolicy(DEMO_TENANT.interestPolicy),
    reminderWindow: { ...DEMO_TENANT.reminderWindow, weekdays: [...DEMO_TENANT.reminderWindow.weekdays] },
    createdAt: at,
    updatedAt: at,
  };
  await tenants.saveProfile(profile);
  await tenants.routeWhatsAppNumber(DEMO_TENANT.whatsAppPhoneNumberId, DEMO_TENANT.tenantId);
  for (const seed of DEMO_TENANT.members) {
    const member: TenantUser = {
      tenantId: DEMO_TENANT.tenantId,
      phone: normalizePhone(seed.phone),
      name: seed.name,
      role: seed.role,
      memberId: seed.username,
      createdAt: at,
    };
    await users.save(member);
  }
  for (const seed of DEMO_TENANT.contacts) {
    const contact: Contact = {
      tenantId: DEMO_TENANT.tenantId,
      contactId: seed.contactId,
      name: seed.name,
      phone: normalizePhone(seed.phone),
      taxId: parseTaxId(seed.cpf),
      email: seed.email,
      optedOut: false,
      createdAt: at,
    };
    await contacts.create(contact);
  }
}
