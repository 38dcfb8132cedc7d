import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '#adapters/dynamodb/document-client';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';
import { createLocalDynamoDbClient } from '#test/support/dynamodb-test-table';
import { ownerChat } from '#test/support/owner-chat';

/**
 * Issue 12 item 8 on the local cloud: a nickname or diminutive of a contact's name ("Joãozinho") is matched to
 * the contact with a question instead of a new-contact flow, and the owner's confirmed match is remembered.
 */
describe('nicknames of contacts', () => {
  let cloud: LocalCloud;
  let repositories: ReturnType<typeof createTableRepositories>;
  const chat = ownerChat(() => cloud, DEMO_TENANT.owner.phone);
  const [joao] = DEMO_TENANT.contacts;

  beforeAll(async () => {
    cloud = await startLocalCloud({ port: 0 });
    repositories = createTableRepositories(
      cloud.tableName,
      createDocumentClient(createLocalDynamoDbClient(cloud.urls.dynamoDb)),
    );
  }, 120_000);
  afterAll(async () => cloud?.stop());

  it('"Joãozinho" asks whether it is João Silva, and the yes is remembered as an alias', async () => {
    expect(await chat.ask('cobra 50 do Joãozinho dia 28')).toBe(
      'Joãozinho é o João Silva? Responda SIM ou escreva o nome certo.',
    );
    expect(await chat.ask('sim')).toMatch(/^Confirma boleto de R\$ 50,00 para João Silva, vencimento 28\//);
    expect((await repositories.contacts.get(DEMO_TENANT.tenantId, joao.contactId))?.aliases).toEqual([
      'joaozinho',
    ]);
    await chat.tap('Não');
    expect(await chat.ask('cobra 60 do joãozinho dia 28')).toMatch(
      /^Confirma boleto de R\$ 60,00 para João Silva, vencimento 28\//,
    );
    await chat.tap('Não');
    const contacts = await repositories.contacts.list(DEMO_TENANT.tenantId);
    expect(contacts).toHaveLength(DEMO_TENANT.contacts.length); // no new contact was started or created
  }, 120_000);

  it('a "não" to the nickname question remembers nothing and asks for the payer', async () => {
    expect(await chat.ask('cobra 70 do Pedrinho dia 28')).toBe(
      'Pedrinho é o Pedro Álvares? Responda SIM ou escreva o nome certo.',
    );
    expect(await chat.ask('não')).toBe('Para quem é o boleto?');
    const pedro = DEMO_TENANT.contacts[2];
    expect(
      (await repositories.contacts.get(DEMO_TENANT.tenantId, pedro?.contactId ?? ''))?.aliases,
    ).toBeUndefined();
  }, 120_000);
});
