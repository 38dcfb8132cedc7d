import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbContactRepository } from '#adapters/dynamodb/dynamodb-contact-repository';
import { DynamoDbUserRepository } from '#adapters/dynamodb/dynamodb-user-repository';
import {
  applyMemberChange,
  planAddMember,
  planRemoveMember,
  type TeamDependencies,
} from '#application/members/change-team';
import type { MemberAccount } from '#application/ports/member-accounts';
import { ForbiddenActionError } from '#domain/member-permissions';
import type { E164 } from '#domain/phone-number';
import { parseTaxId } from '#domain/tax-id';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';

/** The team rules behind WhatsApp's "adiciona…/remove…" and /v1/members, on DynamoDB Local. */
describe('changing the team', () => {
  let table: TestTable;
  let deps: TeamDependencies;
  const accounts = new Map<string, MemberAccount>();
  const tenantId = 't1';
  const at = '2026-12-05T12:00:00.000Z';
  const ana = '+5511999990001' as E164;
  const bruno = '+5511999990002' as E164;

  beforeAll(async () => {
    table = await createTestTable();
    const users = new DynamoDbUserRepository(table.tableName, table.documentClient);
    const contacts = new DynamoDbContactRepository(table.tableName, table.documentClient);
    deps = {
      users,
      contacts,
      clock: { now: () => new Date(at) },
      memberAccounts: {
        put: async (_tenant, account) => void accounts.set(account.memberId, account),
        remove: async (_tenant, memberId) => void accounts.delete(memberId),
      },
    };
    await users.save({ tenantId, phone: ana, name: 'Ana', role: 'owner', memberId: 'ana', createdAt: at });
    await contacts.create({
      tenantId,
      contactId: 'joao',
      name: 'João',
      phone: '+5511988880001' as E164,
      taxId: parseTaxId('52998224725'),
      optedOut: false,
      createdAt: at,
    });
  });
  afterAll(async () => table?.drop());

  it('adds a member (stored and given an account in the role group), and adding again changes nothing', async () => {
    const change = await planAddMember(deps, tenantId, { name: 'Bruno', role: 'operator', phone: bruno });
    expect(change).toEqual({
      action: 'add',
      memberId: 'bruno',
      name: 'Bruno',
      role: 'operator',
      phone: bruno,
    });
    await applyMemberChange(deps, tenantId, 'owner', change);
    await applyMemberChange(deps, tenantId, 'owner', change);
    expect(await deps.users.findByPhone(tenantId, bruno)).toMatchObject({
      role: 'operator',
      memberId: 'bruno',
    });
    expect(accounts.get('bruno')?.role).toBe('operator');
    expect((await deps.users.list(tenantId)).length).toBe(2);
  });

  it('refuses an actor whose role may not manage members, and writes nothing', async () => {
    const change = await planAddMember(deps, tenantId, {
      name: 'Carla',
      role: 'viewer',
      phone: '+5511999990003' as E164,
    });
    await expect(applyMemberChange(deps, tenantId, 'operator', change)).rejects.toBeInstanceOf(
      ForbiddenActionError,
    );
    expect(await deps.users.findByPhone(tenantId, '+5511999990003' as E164)).toBeUndefined();
    expect(accounts.has('carla')).toBe(false);
  });

  it("refuses a payer's phone, the same role again, and leaving the team without an owner", async () => {
    await expect(
      planAddMember(deps, tenantId, { name: 'João', role: 'viewer', phone: '+5511988880001' as E164 }),
    ).rejects.toMatchObject({ code: 'phone_of_contact' });
    await expect(
      planAddMember(deps, tenantId, { name: 'Bruno', role: 'operator', phone: bruno }),
    ).rejects.toMatchObject({ code: 'same_role' });
    await expect(planRemoveMember(deps, tenantId, 'ana')).rejects.toMatchObject({ code: 'last_owner' });
    await expect(
      planAddMember(deps, tenantId, { name: 'Ana', role: 'viewer', phone: ana }),
    ).rejects.toMatchObject({ code: 'last_owner' });
  });

  it('removes a member and their account', async () => {
    const change = await planRemoveMember(deps, tenantId, 'bruno');
    await applyMemberChange(deps, tenantId, 'owner', change);
    expect(await deps.users.findByPhone(tenantId, bruno)).toBeUndefined();
    expect(accounts.has('bruno')).toBe(false);
    await expect(planRemoveMember(deps, tenantId, 'bruno')).rejects.toMatchObject({
      code: 'member_not_found',
    });
  });
});
