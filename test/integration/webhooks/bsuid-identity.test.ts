import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizePhone } from '#domain/phone-number';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';
import {
  CONTACT_PHONE,
  createWebhookHarness,
  metaBody,
  metaMessagesPayload,
  OWNER_PHONE,
  seedTenant,
  signedDelivery,
  type WebhookHarness,
} from './webhook-harness';

/** Issue 18's identity rules: BSUIDs linked when first seen with a phone, and WhatsApp's change notices. */

const PHONE_NUMBER_ID = '109876543210987';
let sequence = 0;

function delivery(message: Record<string, unknown>, contact: Record<string, unknown>) {
  sequence += 1;
  return signedDelivery(
    metaBody(
      metaMessagesPayload(
        PHONE_NUMBER_ID,
        [contact],
        [{ id: `wamid.identity-${sequence}`, timestamp: String(Math.floor(Date.now() / 1000)), ...message }],
      ),
    ),
  );
}

describe('WhatsApp identities', () => {
  let table: TestTable;
  let harness: WebhookHarness;
  let tenant = 0;
  const freshTenant = async () => {
    tenant += 1;
    const tenantId = `tenant-identity-${tenant}`;
    const phoneNumberId = String(200_000_000_000_000 + tenant);
    await seedTenant(harness, tenantId, phoneNumberId);
    return { tenantId };
  };

  beforeAll(async () => {
    table = await createTestTable();
    harness = await createWebhookHarness(table);
  });
  afterAll(() => table.drop());

  const post = async (
    tenantPhoneNumberId: string,
    message: Record<string, unknown>,
    contact: Record<string, unknown>,
  ) => {
    const event = delivery(message, contact);
    const body = (event.body ?? '').replace(PHONE_NUMBER_ID, tenantPhoneNumberId);
    const response = await harness.handle(signedDelivery(body));
    expect(response.statusCode).toBe(200);
    const summary = harness.lastSummary();
    if (!summary) throw new Error('the handler logged no summary');
    return summary;
  };

  it('links a contact’s BSUID when it comes with the phone, then resolves BSUID-only messages to that contact', async () => {
    const { tenantId } = await freshTenant();
    const number = String(200_000_000_000_000 + tenant);
    const bsuid = 'BR.4440003332221110';
    expect(
      (
        await post(
          number,
          { from: '551187654321', type: 'text', text: { body: 'oi' } },
          { wa_id: '551187654321', user_id: bsuid },
        )
      ).messages,
    ).toEqual(['contact_message']);
    const contact = await harness.repositories.contacts.findByWhatsAppUserId(tenantId, bsuid);
    expect(contact).toMatchObject({ phone: CONTACT_PHONE, whatsAppUserId: bsuid });
    const hidden = await post(
      number,
      { from_user_id: bsuid, type: 'text', text: { body: 'já paguei' } },
      { user_id: bsuid, profile: { username: '@joao' } },
    );
    expect(hidden.messages).toEqual(['contact_message']);
    const stored = (await harness.itemsOf(tenantId, 'INBOUND')).filter((item) => item.fromUserId === bsuid);
    expect(stored.map((item) => item.from)).toEqual([CONTACT_PHONE, CONTACT_PHONE]);
  });

  it('moves an owner to a new number on WhatsApp’s notice, once, keeping name and role', async () => {
    const { tenantId } = await freshTenant();
    const number = String(200_000_000_000_000 + tenant);
    const notice = {
      from: '5511999990001',
      type: 'system',
      system: { type: 'user_changed_number', body: 'changed', new_wa_id: '5511955554444' },
    };
    expect((await post(number, notice, { wa_id: '5511999990001' })).identityChanges).toEqual([
      'user_number_changed',
    ]);
    const moved = await harness.repositories.users.findByPhone(tenantId, normalizePhone('+5511955554444'));
    expect(moved).toMatchObject({ name: 'Dona', role: 'owner' });
    expect(moved).not.toHaveProperty('whatsAppUserId');
    expect(await harness.repositories.users.findByPhone(tenantId, OWNER_PHONE)).toBeUndefined();
    // A replay finds no one at the old number: nothing changes, nothing is answered.
    expect((await post(number, notice, { wa_id: '5511999990001' })).identityChanges).toEqual([
      'unknown_person',
    ]);
    expect(await harness.itemsOf(tenantId, 'OUTBOX')).toHaveLength(0);
  });

  it('changes nothing when the new number already belongs to someone else (owner or contact)', async () => {
    const { tenantId } = await freshTenant();
    const number = String(200_000_000_000_000 + tenant);
    const notice = {
      from: '551187654321',
      type: 'system',
      system: { type: 'user_changed_number', body: 'changed', new_wa_id: '5511999990001' },
    };
    expect((await post(number, notice, {})).identityChanges).toEqual(['conflict']);
    expect(await harness.repositories.contacts.findByPhone(tenantId, CONTACT_PHONE)).toBeDefined();
    const ownerToContactNumber = {
      from: '5511999990001',
      type: 'system',
      system: { type: 'user_changed_number', body: 'changed', new_wa_id: '5511987654321' },
    };
    expect((await post(number, ownerToContactNumber, {})).identityChanges).toEqual(['conflict']);
    expect(await harness.repositories.users.findByPhone(tenantId, OWNER_PHONE)).toBeDefined();
  });
});
