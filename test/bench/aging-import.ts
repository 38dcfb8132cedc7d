import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '#adapters/dynamodb/document-client';
import { DynamoDbReceivablesRepository } from '#adapters/dynamodb/receivables/dynamodb-receivables-repository';
import { TableAccess } from '#adapters/dynamodb/table-access';
import { createS3Client } from '#adapters/s3/create-s3-client';
import { S3ObjectStore } from '#adapters/s3/s3-object-store';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { LOCAL_CREDENTIALS, LOCAL_REGION, stateMachineArn } from '#infra/local/local-cloud-names';
import type { LocalCloud } from '#infra/local/start-local-cloud';
import { agingFileBytes, generateAgingFile } from '#simulators/collections/aging-file-generator';
import { storeAgingImportRequest } from '#test/support/aging-import-rig';

/** Issue 13's goal: 100,000 rows on the local cloud in at most 5 minutes, memory flat. */
export const AGING_IMPORT_GOAL_SECONDS = 300;

export interface AgingImportBench {
  rows: number;
  badRows: number;
  seconds: number;
  rowsPerSecond: number;
  goalSeconds: number;
  /** Resident set size of this process (the local cloud, its functions, the emulators; not DynamoDB Local's JVM). */
  rssMb: { before: number; peak: number };
  heapUsedMb: { before: number; peak: number };
  status: string;
  counts: Record<string, number>;
  stepSeconds: Record<string, number>;
}

const mb = (bytes: number) => Math.round(bytes / 1_048_576);

/**
 * One aging file of `rows` rows (every 50th bad), as the WhatsApp path stores it, imported by the aging import
 * workflow on the local cloud (Distributed Map over the local S3, the real function, DynamoDB Local): wall time
 * from StartExecution to the end, rows/s, peak RSS and heap sampled every 100 ms, the counts the import
 * recorded, and each top-level state's duration.
 */
export async function benchAgingImport(cloud: LocalCloud, rows: number): Promise<AgingImportBench> {
  const files = new S3ObjectStore(
    { bucketName: cloud.urls.filesBucket },
    createS3Client({
      endpoint: cloud.urls.s3,
      forcePathStyle: true,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
    }),
  );
  const dynamo = new DynamoDBClient({
    endpoint: cloud.urls.dynamoDb,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  const receivables = new DynamoDbReceivablesRepository(
    new TableAccess(cloud.tableName, createDocumentClient(dynamo)),
  );
  const tenantId = DEMO_TENANT.tenantId;
  const messageId = `bench-aging-${rows}-${Date.now()}`;
  const generated = generateAgingFile({ rows, badEvery: 50 });
  const request = await storeAgingImportRequest(files, {
    tenantId,
    messageId,
    requestedBy: DEMO_TENANT.owner.phone,
    body: agingFileBytes(generated),
  });
  const importId = request.importId;
  global.gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  }, 100);
  const started = Date.now();
  const { executionArn } = cloud.sfn.startExecution({
    stateMachineArn: stateMachineArn('aging-import'),
    name: `bench-${importId.slice(0, 24)}`,
    input: JSON.stringify(request),
  });
  const execution = await cloud.sfn.waitForExecution(executionArn);
  const seconds = (Date.now() - started) / 1000;
  clearInterval(sampler);
  const stepSeconds: Record<string, number> = {};
  const entered = new Map<string, number>();
  for (const event of cloud.sfn.executionHistory(executionArn)) {
    const name = (event as { state?: { name?: string } }).state?.name;
    if (!name) continue;
    if (event.type === 'StateEntered') entered.set(name, event.timestamp);
    if (event.type === 'StateExited')
      stepSeconds[name] = (event.timestamp - (entered.get(name) ?? event.timestamp)) / 1000;
  }
  const failure = cloud.sfn
    .executionHistory(executionArn)
    .find(
      (event) =>
        event.type === 'StateEntered' &&
        (event as { state?: { name?: string } }).state?.name === 'ReportFailure',
    );
  const failureCause = failure
    ? JSON.stringify((failure as { state?: { input?: unknown } }).state?.input).slice(0, 2000)
    : '';
  const record = await receivables.getImport(tenantId, importId);
  dynamo.destroy();
  return {
    rows,
    badRows: generated.expected.rowsRejected,
    seconds,
    rowsPerSecond: Math.round(rows / seconds),
    goalSeconds: AGING_IMPORT_GOAL_SECONDS,
    rssMb: { before: mb(before.rss), peak: mb(peakRss) },
    heapUsedMb: { before: mb(before.heapUsed), peak: mb(peakHeap) },
    status: `${execution.status}${execution.cause ? `: ${execution.cause}` : ''} / import ${record?.status ?? 'missing'}${failureCause ? ` / ${failureCause}` : ''}`,
    counts: {
      rowsRead: record?.rowsRead ?? 0,
      rowsImported: record?.rowsImported ?? 0,
      rowsRejected: record?.rowsRejected ?? 0,
      invoicesClosed: record?.invoicesClosed ?? 0,
      snapshotsKept: record?.snapshotsKept ?? 0,
    },
    stepSeconds,
  };
}

export function printAgingImportBench(result: AgingImportBench): void {
  const verdict =
    result.seconds <= result.goalSeconds
      ? 'ok'
      : `GAP of ${(result.seconds - result.goalSeconds).toFixed(0)} s`;
  console.log(
    `${result.rows} rows (${result.badRows} bad): ${result.seconds.toFixed(1)} s, ${result.rowsPerSecond} rows/s ` +
      `(goal <= ${result.goalSeconds} s: ${verdict}); RSS ${result.rssMb.before} -> peak ${result.rssMb.peak} MB, ` +
      `heap ${result.heapUsedMb.before} -> peak ${result.heapUsedMb.peak} MB; ${result.status}`,
  );
  console.log(`  counts ${JSON.stringify(result.counts)}; steps (s) ${JSON.stringify(result.stepSeconds)}`);
}
