import { readFileSync } from 'node:fs';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '#adapters/dynamodb/document-client';
import { idKey, ReceivableAccountEntity } from '#adapters/dynamodb/entities/receivables';
import { DynamoDbReceivablesRepository } from '#adapters/dynamodb/receivables/dynamodb-receivables-repository';
import { TableAccess } from '#adapters/dynamodb/table-access';
import { createTableRepositories, type TableRepositories } from '#adapters/dynamodb/table-repositories';
import { addToOutbox } from '#application/outbox/add-to-outbox';
import type { OutboxMessage } from '#domain/outbox-message';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { LocalCloudClient } from '#infra/local/local-cloud-client';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';
import { collectionEmail } from '#test/integration/outbox/pipeline-fixtures';
import { createLocalDynamoDbClient } from '#test/support/dynamodb-test-table';

/**
 * SES bounces and complaints on the local cloud: the owner imports `events/collections/aging-sample.csv` on
 * WhatsApp (→ `/_local/imports`, `/_local/aging`), a collection e-mail goes through the real outbox → stream →
 * relay → SQS → email-delivery → local SES path, `POST /_sim/ses/events` hands SES-shaped events to
 * `email-events`: a bounce marks the contact invalid and tells the owner once (a replay changes nothing), a
 * complaint suppresses the address and the next e-mail to it is not sent.
 */
describe('SES events on the local cloud', () => {
  let cloud: LocalCloud;
  let repositories: TableRepositories;
  let receivables: DynamoDbReceivablesRepository;
  const owner = DEMO_TENANT.owner.phone;
  const tenantId = DEMO_TENANT.tenantId;
  const sample = readFileSync(new URL('../../../events/collections/aging-sample.csv', import.meta.url));
  let sequence = 0;

  const getJson = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${cloud.apiUrl}${path}`);
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  };
  const sesEvent = (body: Record<string, unknown>) =>
    fetch(`${cloud.apiUrl}/_sim/ses/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const ownerTexts = () =>
    cloud.simulators.whatsapp.controls
      .outboundTo(owner)
      .map((sent) => (sent.request as { text?: { body: string } }).text?.body ?? '');

  /** A collection e-mail put in the outbox the way a use case does; resolves once delivery finished it. */
  async function sendCollectionEmail(to: string, subject: string): Promise<OutboxMessage> {
    sequence += 1;
    const ids = { newId: () => `E2E-SES-${Date.now()}-${sequence}` };
    const queued = await repositories.unitOfWork.run((tx) =>
      addToOutbox(
        { outbox: repositories.outbox, ids },
        tx,
        tenantId,
        collectionEmail(to, subject),
        new Date(),
      ),
    );
    await cloud.settle();
    const done = await repositories.outbox.get(tenantId, queued.id);
    if (!done) throw new Error('outbox message vanished');
    return done;
  }

  beforeAll(async () => {
    cloud = await startLocalCloud({ port: 0 });
    const documentClient = createDocumentClient(createLocalDynamoDbClient(cloud.urls.dynamoDb));
    repositories = createTableRepositories(cloud.tableName, documentClient);
    receivables = new DynamoDbReceivablesRepository(new TableAccess(cloud.tableName, documentClient));
  }, 120_000);
  afterAll(async () => cloud?.stop());

  it('lists the WhatsApp import and the aging it produced', async () => {
    const client = new LocalCloudClient(cloud.apiUrl);
    await client.sendDocument(owner, { filename: 'carteira.csv', mimeType: 'text/csv', bytes: sample });
    await cloud.settle();
    const { imports } = await getJson<{ imports: Array<Record<string, unknown>> }>('/_local/imports');
    expect(imports).toEqual([
      expect.objectContaining({
        status: 'completed',
        filename: 'carteira.csv',
        rowsRead: 12,
        rowsImported: 9,
        rowsRejected: 3,
        finishedAt: expect.any(String),
      }),
    ]);
    const { accounts } = await getJson<{ accounts: Array<Record<string, unknown>> }>('/_local/aging');
    expect(accounts.length).toBeGreaterThan(0);
    for (const account of accounts) {
      const buckets = account.buckets as Record<string, number>;
      expect(account.totalCents).toBe(Object.values(buckets).reduce((sum, cents) => sum + cents, 0));
      expect(account).toMatchObject({ paused: false, pinnedDegree: null, lastEmail: null });
    }
    expect(accounts.some((account) => typeof account.degree === 'number')).toBe(true);
  }, 180_000);

  it('a bounce marks the contact invalid and tells the owner once; a replay changes nothing', async () => {
    const [contact] = await receivables.contactsOf(tenantId, 'C00000');
    const address = contact?.email ?? '';
    expect(address).toBe('financeiro0@cliente0.com.br');
    const sent = await sendCollectionEmail(address, 'Faturas em aberto — Padaria Souza 0');
    expect(sent.status).toBe('sent');
    // What the collection e-mail step records on the account (wt-mail's `lastEmail`), read by /_local/aging.
    await createDocumentClient(createLocalDynamoDbClient(cloud.urls.dynamoDb)).send(
      new UpdateCommand({
        TableName: cloud.tableName,
        Key: ReceivableAccountEntity.primary.key({ tenantId, clientKey: idKey('C00000') }),
        UpdateExpression: 'SET lastEmail = :last',
        ExpressionAttributeValues: {
          ':last': {
            outboxMessageId: sent.id,
            degree: 2,
            snapshotDate: '2026-12-05',
            templateId: 'degree-2',
            templateVersion: 1,
            modelWritten: false,
            queuedAt: sent.createdAt,
          },
        },
      }),
    );

    const at = new Date(Date.parse(sent.sentAt ?? sent.updatedAt) + 5_000).toISOString();
    const bounce = await sesEvent({ type: 'Bounce', to: address, at });
    expect(bounce.status).toBe(200);
    expect(await bounce.json()).toMatchObject({
      result: { outcome: 'recorded', recipients: [{ recipient: address, addressMarked: 'invalid' }] },
    });
    // The same event again (a replay), then another bounce of the same address: the owner is still told once.
    const replay = await sesEvent({ type: 'Bounce', to: address, at });
    expect(await replay.json()).toMatchObject({
      result: { recipients: [{ recipient: address, record: 'duplicate' }] },
    });
    const another = await sesEvent({ type: 'Bounce', to: address });
    const anotherBody = (await another.json()) as { result: { recipients: unknown } };
    expect(anotherBody.result.recipients).toEqual([{ recipient: address, record: 'recorded' }]);
    const told = ownerTexts().filter((text) =>
      text.includes(`O e-mail ${address} voltou (endereço inválido)`),
    );
    expect(told).toHaveLength(1);
    expect((await receivables.contactsOf(tenantId, 'C00000'))[0]?.emailStatus).toBe('invalid');

    const { accounts } = await getJson<{
      accounts: Array<{ clientId: string; lastEmail: Record<string, unknown> | null }>;
    }>('/_local/aging');
    expect(accounts.find((account) => account.clientId === 'C00000')?.lastEmail).toMatchObject({
      outboxMessageId: sent.id,
      degree: 2,
      status: 'bounced',
      outboxStatus: 'sent',
      sesMessageId: sent.providerMessageId,
    });
    const { emails } = await getJson<{ emails: Array<Record<string, unknown>> }>('/_local/email-statuses');
    expect(emails.find((email) => email.sesMessageId === sent.providerMessageId)).toMatchObject({
      status: 'bounced',
      addressStatus: 'invalid',
      outboxId: sent.id,
    });
  }, 180_000);

  it('a complaint suppresses the address: the next e-mail to it is not sent', async () => {
    const [contact] = await receivables.contactsOf(tenantId, 'C00001');
    const address = contact?.email ?? '';
    expect(address).toMatch(/@/);
    expect((await sendCollectionEmail(address, 'Primeiro aviso')).status).toBe('sent');
    const delivered = await sesEvent({ type: 'Delivery', to: address });
    expect(await delivered.json()).toMatchObject({ result: { outcome: 'recorded' } });
    expect((await sesEvent({ type: 'Complaint', to: address })).status).toBe(200);
    expect((await receivables.contactsOf(tenantId, 'C00001'))[0]?.emailStatus).toBe('suppressed');

    const next = await sendCollectionEmail(address, 'Segundo aviso');
    expect(next).toMatchObject({ status: 'failed', failureReason: 'email_suppressed' });
    const { emails } = await getJson<{ emails: Array<{ to: string[]; subject: string; status: string }> }>(
      '/_local/email-statuses',
    );
    const toAddress = emails.filter((email) => email.to.includes(address));
    expect(toAddress.map((email) => [email.subject, email.status])).toEqual([
      ['Primeiro aviso', 'complained'],
    ]);
  }, 180_000);

  it('answers 404 with a readable message when nothing was sent to the address, 400 on a bad type', async () => {
    const missing = await sesEvent({ type: 'Bounce', to: 'ninguem@nada.test' });
    expect(missing.status).toBe(404);
    expect(JSON.stringify(await missing.json())).toContain('no e-mail was sent to ninguem@nada.test');
    const bad = await sesEvent({ type: 'Open', to: 'ninguem@nada.test' });
    expect(bad.status).toBe(400);
  }, 60_000);
});
