import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { TimeOrderedIdGenerator } from '#adapters/system/time-ordered-id-generator';
import {
  AGING_IMPORT_ACK_PURPOSE,
  AGING_IMPORT_SUMMARY_PURPOSE,
  agingImportReply,
} from '#application/collections/report-aging-import';
import { deterministicId } from '#application/conversation/deterministic-id';
import { replyOnce } from '#application/conversation/reply-once';
import type { AgingImportRequest } from '#application/ports/workflows';
import { uniqueTenantId } from '#test/support/dynamodb-fixtures';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';

/**
 * The import's summary and its acknowledgement are two outbox messages to the owner, and queued messages are
 * not delivered in a guaranteed order: "estou importando" must not arrive after the counts. The summary
 * withdraws an acknowledgement nobody has claimed yet; one being sent (or sent) is left alone.
 */
describe('aging import acknowledgement withdrawn by its summary', () => {
  let table: TestTable;
  let repositories: ReturnType<typeof createTableRepositories>;
  const clock = { now: () => new Date('2026-12-05T13:00:00Z') };
  const ids = new TimeOrderedIdGenerator();
  const owner = '+5511999990001';

  beforeAll(async () => {
    table = await createTestTable();
    repositories = createTableRepositories(table.tableName, table.documentClient);
  }, 60_000);
  afterAll(async () => table?.drop());

  const requestFor = (tenantId: string, messageId: string): AgingImportRequest => ({
    tenantId,
    importId: `imp-${messageId}`,
    objectKey: `imports/${tenantId}/${messageId}/original.csv`,
    contentSha256: 'a'.repeat(64),
    filename: 'carteira.csv',
    requestedBy: owner,
    messageId,
  });
  const deps = () => ({ ...repositories, clock, ids });
  const acknowledge = (tenantId: string, messageId: string) =>
    replyOnce(
      deps(),
      tenantId,
      owner,
      'Recebi a planilha carteira.csv, estou importando…',
      messageId,
      AGING_IMPORT_ACK_PURPOSE,
    );
  const outboxOf = (tenantId: string, messageId: string, purpose: string) =>
    repositories.outbox.get(tenantId, deterministicId(tenantId, messageId, purpose));

  it('an acknowledgement still waiting to go out is superseded; the summary is queued', async () => {
    const tenantId = uniqueTenantId();
    await acknowledge(tenantId, 'wamid.fast');
    await agingImportReply(deps())(requestFor(tenantId, 'wamid.fast'), 'Importei carteira.csv: 9 linhas.');
    expect(await outboxOf(tenantId, 'wamid.fast', AGING_IMPORT_ACK_PURPOSE)).toMatchObject({
      status: 'superseded',
      supersededReason: 'result_sent_instead',
    });
    expect(await outboxOf(tenantId, 'wamid.fast', AGING_IMPORT_SUMMARY_PURPOSE)).toMatchObject({
      status: 'pending',
      recipient: owner,
    });
  });

  it('an acknowledgement a worker is sending is left to be sent', async () => {
    const tenantId = uniqueTenantId();
    await acknowledge(tenantId, 'wamid.sending');
    const ackId = deterministicId(tenantId, 'wamid.sending', AGING_IMPORT_ACK_PURPOSE);
    const claim = await repositories.outbox.claim({
      tenantId,
      outboxId: ackId,
      claimToken: 'worker-1',
      now: clock.now(),
      staleBefore: new Date(clock.now().getTime() - 60_000),
    });
    expect(claim.claimed).toBe(true);
    await agingImportReply(deps())(requestFor(tenantId, 'wamid.sending'), 'Importei carteira.csv: 9 linhas.');
    expect((await repositories.outbox.get(tenantId, ackId))?.status).toBe('sending');
    expect(await outboxOf(tenantId, 'wamid.sending', AGING_IMPORT_SUMMARY_PURPOSE)).toBeDefined();
  });

  it('without an acknowledgement (a replayed summary, or none was written) only the summary is queued, once', async () => {
    const tenantId = uniqueTenantId();
    const reply = agingImportReply(deps());
    await reply(requestFor(tenantId, 'wamid.none'), 'Importei carteira.csv: 9 linhas.');
    await reply(requestFor(tenantId, 'wamid.none'), 'Importei carteira.csv: 9 linhas.');
    expect(await outboxOf(tenantId, 'wamid.none', AGING_IMPORT_ACK_PURPOSE)).toBeUndefined();
    expect(await outboxOf(tenantId, 'wamid.none', AGING_IMPORT_SUMMARY_PURPOSE)).toMatchObject({
      status: 'pending',
    });
  });
});
