import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { PdfLibReportRenderer } from '#adapters/pdf/pdf-lib-report-renderer';
import { createS3Client } from '#adapters/s3/create-s3-client';
import { S3ObjectStore } from '#adapters/s3/s3-object-store';
import { TimeOrderedIdGenerator } from '#adapters/system/time-ordered-id-generator';
import type { OutboxRepository } from '#application/ports/outbox-repository';
import { repositoryReportSources } from '#application/reports/report-sources';
import {
  type ReportRequest,
  type SendReportDependencies,
  sendReport,
} from '#application/reports/send-report';
import { calendarDate } from '#domain/calendar-date';
import type { E164 } from '#domain/phone-number';
import { monthPeriod } from '#domain/report-period';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '#infra/local/local-cloud-names';
import { type RunningS3Local, startS3Local } from '#infra/local/s3-local';
import { aLedgerEntry, uniqueTenantId } from '#test/support/dynamodb-fixtures';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';

/**
 * sendReport against DynamoDB Local and the S3 emulator: the PDF is stored, the report recorded and its
 * messages queued in one transaction; a replayed or concurrent request with the same report id queues nothing
 * more.
 */
describe('sendReport', () => {
  let table: TestTable;
  let s3: RunningS3Local;
  let deps: SendReportDependencies;
  let repositories: ReturnType<typeof createTableRepositories>;
  const queued: string[] = [];
  const clock = { now: () => new Date('2026-12-01T11:00:00Z') };
  const owner = '+5511999990001' as E164;

  beforeAll(async () => {
    table = await createTestTable();
    s3 = await startS3Local({ bucketName: 'iris-report-files', credentials: LOCAL_CREDENTIALS });
    repositories = createTableRepositories(table.tableName, table.documentClient);
    const files = new S3ObjectStore(
      { bucketName: s3.bucketName },
      createS3Client({
        endpoint: s3.endpoint,
        forcePathStyle: true,
        region: LOCAL_REGION,
        credentials: LOCAL_CREDENTIALS,
      }),
    );
    // The real outbox repository, noting the ids it is asked to stage (the test reads them back).
    const outbox: OutboxRepository = Object.create(repositories.outbox, {
      add: {
        value: (
          message: Parameters<OutboxRepository['add']>[0],
          tx: Parameters<OutboxRepository['add']>[1],
        ) => {
          queued.push(message.id);
          return repositories.outbox.add(message, tx);
        },
      },
    });
    deps = {
      ...repositories,
      outbox,
      sources: repositoryReportSources({ ...repositories, clock }),
      renderer: new PdfLibReportRenderer(),
      files,
      ids: new TimeOrderedIdGenerator(clock),
      clock,
    };
  }, 60_000);
  afterAll(async () => {
    await table?.drop();
    await s3?.close();
  });

  const requestFor = (tenantId: string, reportId: string): ReportRequest => ({
    tenantId,
    reportId,
    period: monthPeriod('2026-11'),
    trigger: 'schedule',
    recipients: [owner],
    email: 'dona@example.com',
    correlationId: reportId,
  });
  const stored = async (tenantId: string) =>
    (await Promise.all(queued.map((id) => deps.outbox.get(tenantId, id)))).filter(
      (message) => message !== undefined,
    );

  it('stores the PDF, records the report and queues summary, document and e-mail once', async () => {
    const tenantId = uniqueTenantId();
    queued.length = 0;
    await repositories.ledger.add(
      aLedgerEntry(tenantId, { entryId: 'e1', date: calendarDate('2026-11-10'), amountCents: 12_345 }),
    );
    const first = await sendReport(deps, requestFor(tenantId, 'schedule-2026-11'));
    expect(first.summary).toContain('Relatório de novembro de 2026');
    expect(first.report.objectKey).toBe(`outbound/reports/${tenantId}/schedule-2026-11.pdf`);
    const file = await deps.files.get(first.report.objectKey);
    expect(file.contentType).toBe('application/pdf');
    const messages = await stored(tenantId);
    expect(messages.map((m) => m.content.type).sort()).toEqual(['document', 'email', 'text']);
    expect(messages.every((m) => m.status === 'pending')).toBe(true);
    // The e-mail names the stored PDF; its bytes stay in the bucket (the delivery attaches them when it sends).
    const email = messages.find((m) => m.content.type === 'email')?.content;
    expect(email).toMatchObject({
      attachments: [
        {
          objectKey: first.report.objectKey,
          filename: 'relatorio-2026-11.pdf',
          contentType: 'application/pdf',
        },
      ],
    });
    expect(email?.type === 'email' && email.text).toContain('Segue em anexo: relatorio-2026-11.pdf.');
    expect(JSON.stringify(email)).not.toContain('http');

    const replay = await sendReport(deps, requestFor(tenantId, 'schedule-2026-11'));
    expect(replay.report).toEqual(first.report);
    expect(replay.summary).toBeUndefined();
    expect(await stored(tenantId)).toHaveLength(3);
    expect(await deps.reports.listRecent(tenantId, 10)).toHaveLength(1);
  });

  it('queues one set when the same report is asked for twice at once', async () => {
    const tenantId = uniqueTenantId();
    queued.length = 0;
    const [a, b] = await Promise.all([
      sendReport(deps, requestFor(tenantId, 'request-wamid.1')),
      sendReport(deps, requestFor(tenantId, 'request-wamid.1')),
    ]);
    expect(a.report.reportId).toBe(b.report.reportId);
    expect(await stored(tenantId)).toHaveLength(3);
    expect(await deps.reports.listRecent(tenantId, 10)).toHaveLength(1);
  });
});
