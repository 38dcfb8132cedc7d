/**
 * Where a statement read's time goes, measured without trusting wall-clock alone (the machine is shared):
 * the Query's pages, items and wire bytes; the CPU this process spends per read (document-client unmarshalling
 * and line mapping, `buildStatement`, `JSON.stringify`) by `process.cpuUsage`; DynamoDB Local's own CPU per
 * Query from /proc (its JVM is this process's child); and, beside them, the wall time of a bare Query of the
 * same partition through the same low-level client — the floor no change to the read model can go under.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { type DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import type { StatementProjection } from '#application/ports/statement-projection';
import type { CalendarDate } from '#domain/calendar-date';
import { NO_LATE_CHARGES } from '#domain/interest-policy';
import { buildStatement } from '#domain/statement';

export interface StatementReadProfile {
  queryPages: number;
  queryItems: number;
  /** The Query's items in DynamoDB's wire JSON, summed over its pages: whole items, and the reader's projection. */
  queryBytes: number;
  projectedQueryBytes: number;
  /** Wall time of one bare Query projecting the packed line attribute only, p50 / p99. */
  bareProjectedQueryP50Ms: number;
  bareProjectedQueryP99Ms: number;
  /** Wall time of one bare Query (every page) through the low-level client, p50 / p99. */
  bareQueryP50Ms: number;
  bareQueryP99Ms: number;
  /** DynamoDB Local's JVM CPU per bare Query (/proc, 10 ms ticks averaged over the runs); null if not found. */
  dynamoDbCpuMsPerQuery: number | null;
  /** This process's CPU per bare Query (HTTP + low-level unmarshalling to AttributeValues). */
  bareQueryCpuMs: number;
  /** This process's CPU per `StatementProjection.read` (document client + line mapping), minus nothing. */
  projectionReadCpuMs: number;
  projectionReadP50Ms: number;
  buildStatementCpuMs: number;
  stringifyCpuMs: number;
  responseBytes: number;
  runs: number;
}

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const round = (value: number) => Math.round(value * 100) / 100;

/** A process's /proc stat fields after the command name (index 1 = parent pid, 11 + 12 = CPU ticks). */
function statFields(pid: string): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

function descendsFromThisProcess(pid: string): boolean {
  let current = pid;
  for (let depth = 0; depth < 5 && current !== '1' && current !== '0'; depth++) {
    current = statFields(current)[1] ?? '1';
    if (Number(current) === process.pid) return true;
  }
  return false;
}

/** The DynamoDB Local JVM this process started (utime + stime in clock ticks), if any. */
export function dynamoDbLocalTicks(): (() => number) | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (!cmdline.includes('DynamoDBLocal') || !descendsFromThisProcess(entry)) continue;
      return () => {
        const fields = statFields(entry);
        return Number(fields[11]) + Number(fields[12]);
      };
    } catch {
      // a process that ended meanwhile
    }
  }
  return null;
}

async function bareQuery(client: DynamoDBClient, tableName: string, partition: string, attribute?: string) {
  let pages = 0;
  let items = 0;
  let bytes = 0;
  let startKey: QueryCommand['input']['ExclusiveStartKey'];
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': 'pk', ...(attribute ? { '#a': attribute } : {}) },
        ExpressionAttributeValues: { ':pk': { S: partition } },
        ...(attribute ? { ProjectionExpression: '#a' } : {}),
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    pages += 1;
    items += page.Items?.length ?? 0;
    bytes += Buffer.byteLength(JSON.stringify(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return { pages, items, bytes };
}

export async function profileStatementRead(input: {
  client: DynamoDBClient;
  tableName: string;
  partition: string;
  /** The attribute the reader projects. */
  lineAttribute: string;
  projection: Pick<StatementProjection, 'read'>;
  tenantId: string;
  contactId: string;
  today: CalendarDate;
  runs: number;
}): Promise<StatementReadProfile> {
  const { client, tableName, partition, runs } = input;
  const shape = await bareQuery(client, tableName, partition);
  const projectedShape = await bareQuery(client, tableName, partition, input.lineAttribute);
  const projectedWall: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await bareQuery(client, tableName, partition, input.lineAttribute);
    projectedWall.push(performance.now() - started);
  }
  projectedWall.sort((a, b) => a - b);
  const jvmTicks = dynamoDbLocalTicks();
  const bareWall: number[] = [];
  const ticksBefore = jvmTicks?.() ?? 0;
  let cpu = process.cpuUsage();
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await bareQuery(client, tableName, partition);
    bareWall.push(performance.now() - started);
  }
  const bareQueryCpuMs = cpuMs(process.cpuUsage(cpu)) / runs;
  const dynamoDbCpuMsPerQuery = jvmTicks ? ((jvmTicks() - ticksBefore) * 10) / runs : null;

  const readWall: number[] = [];
  cpu = process.cpuUsage();
  let lines = await input.projection.read(input.tenantId, input.contactId);
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    lines = await input.projection.read(input.tenantId, input.contactId);
    readWall.push(performance.now() - started);
  }
  const projectionReadCpuMs = cpuMs(process.cpuUsage(cpu)) / (runs + 1);

  const build = () =>
    buildStatement({ contactId: input.contactId, ...lines, today: input.today, policy: NO_LATE_CHARGES });
  cpu = process.cpuUsage();
  for (let run = 0; run < runs; run++) build();
  const buildStatementCpuMs = cpuMs(process.cpuUsage(cpu)) / runs;
  const statement = build();
  let text = '';
  cpu = process.cpuUsage();
  for (let run = 0; run < runs; run++) text = JSON.stringify(statement);
  const stringifyCpuMs = cpuMs(process.cpuUsage(cpu)) / runs;

  bareWall.sort((a, b) => a - b);
  readWall.sort((a, b) => a - b);
  return {
    queryPages: shape.pages,
    queryItems: shape.items,
    queryBytes: shape.bytes,
    projectedQueryBytes: projectedShape.bytes,
    bareProjectedQueryP50Ms: round(percentile(projectedWall, 50)),
    bareProjectedQueryP99Ms: round(percentile(projectedWall, 99)),
    bareQueryP50Ms: round(percentile(bareWall, 50)),
    bareQueryP99Ms: round(percentile(bareWall, 99)),
    dynamoDbCpuMsPerQuery: dynamoDbCpuMsPerQuery === null ? null : round(dynamoDbCpuMsPerQuery),
    bareQueryCpuMs: round(bareQueryCpuMs),
    projectionReadCpuMs: round(projectionReadCpuMs),
    projectionReadP50Ms: round(percentile(readWall, 50)),
    buildStatementCpuMs: round(buildStatementCpuMs),
    stringifyCpuMs: round(stringifyCpuMs),
    responseBytes: Buffer.byteLength(text),
    runs,
  };
}
