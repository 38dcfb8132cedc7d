/**
 * Where a statement read's time goes, measured without trusting wall-clock alone (the machine is shared):
 * the whole partition's Query (what the unpaged statement read: pages, items, wire bytes, wall time, DynamoDB
 * Local's CPU from /proc — its JVM is this process's child) beside one page's Query on the `byContact` index
 * (what a paged read costs now); the CPU this process spends per page read (summary GetItem + page Query,
 * unmarshalling), on the lines and totals for today, and on `JSON.stringify` of the answer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { type DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import type { StatementProjection } from '#application/ports/statement-projection';
import type { CalendarDate } from '#domain/calendar-date';
import { NO_LATE_CHARGES } from '#domain/interest-policy';
import { EMPTY_STATEMENT_SUMMARY, statementLinesOn, statementTotalsOn } from '#domain/statement';

export interface StatementReadProfile {
  queryPages: number;
  queryItems: number;
  /** The Query's items in DynamoDB's wire JSON, summed over its pages: whole items, and the reader's projection. */
  queryBytes: number;
  projectedQueryBytes: number;
  /** Wall time of one bare Query of the whole partition projecting the packed line only (the unpaged read), p50 / p99. */
  bareProjectedQueryP50Ms: number;
  bareProjectedQueryP99Ms: number;
  /** DynamoDB Local's JVM CPU per bare whole-partition projected Query (/proc, 10 ms ticks averaged); null if not found. */
  dynamoDbCpuMsPerQuery: number | null;
  /** One page (`pageSize` lines, newest first) from the `byContact` index, projected: wire bytes, p50 / p99. */
  pageSize: number;
  pageQueryBytes: number;
  barePageQueryP50Ms: number;
  barePageQueryP99Ms: number;
  dynamoDbCpuMsPerPageQuery: number | null;
  /** This process's CPU per summary GetItem + page Query through the projection (document client, parsing). */
  projectionReadCpuMs: number;
  projectionReadP50Ms: number;
  /** CPU of the page's lines and the totals for today, and of `JSON.stringify` of the page. */
  linesAndTotalsCpuMs: number;
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

async function bareQuery(
  client: DynamoDBClient,
  tableName: string,
  partition: string,
  options: { attribute?: string; page?: { index: string; limit: number } } = {},
) {
  const { attribute, page: onePage } = options;
  const keyName = onePage ? 'gsi1pk' : 'pk';
  let pages = 0;
  let items = 0;
  let bytes = 0;
  let startKey: QueryCommand['input']['ExclusiveStartKey'];
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: tableName,
        ...(onePage ? { IndexName: onePage.index, Limit: onePage.limit, ScanIndexForward: false } : {}),
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': keyName, ...(attribute ? { '#a': attribute } : {}) },
        ExpressionAttributeValues: { ':pk': { S: partition } },
        ...(attribute ? { ProjectionExpression: '#a' } : {}),
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    pages += 1;
    items += page.Items?.length ?? 0;
    bytes += Buffer.byteLength(JSON.stringify(page.Items ?? []));
    startKey = onePage ? undefined : page.LastEvaluatedKey;
  } while (startKey);
  return { pages, items, bytes };
}

/** Wall times (sorted) and DynamoDB Local CPU per run of `query`. */
async function timed(runs: number, query: () => Promise<unknown>) {
  const jvmTicks = dynamoDbLocalTicks();
  const ticksBefore = jvmTicks?.() ?? 0;
  const wall: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await query();
    wall.push(performance.now() - started);
  }
  wall.sort((a, b) => a - b);
  return { wall, dynamoDbCpuMs: jvmTicks ? round(((jvmTicks() - ticksBefore) * 10) / runs) : null };
}

export async function profileStatementRead(input: {
  client: DynamoDBClient;
  tableName: string;
  partition: string;
  /** The attribute the reader projects. */
  lineAttribute: string;
  projection: Pick<StatementProjection, 'readSummary' | 'readLinePage'>;
  tenantId: string;
  contactId: string;
  today: CalendarDate;
  pageSize: number;
  runs: number;
}): Promise<StatementReadProfile> {
  const { client, tableName, partition, runs, pageSize } = input;
  const attribute = input.lineAttribute;
  const page = { index: 'byContact', limit: pageSize };
  const shape = await bareQuery(client, tableName, partition);
  const projectedShape = await bareQuery(client, tableName, partition, { attribute });
  const pageShape = await bareQuery(client, tableName, partition, { attribute, page });
  const whole = await timed(runs, () => bareQuery(client, tableName, partition, { attribute }));
  const paged = await timed(runs, () => bareQuery(client, tableName, partition, { attribute, page }));

  const read = () =>
    Promise.all([
      input.projection.readSummary(input.tenantId, input.contactId),
      input.projection.readLinePage(input.tenantId, input.contactId, { limit: pageSize, newestFirst: true }),
    ]);
  let [summary, lines] = await read();
  let cpu = process.cpuUsage();
  const readWall: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    [summary, lines] = await read();
    readWall.push(performance.now() - started);
  }
  const projectionReadCpuMs = cpuMs(process.cpuUsage(cpu)) / runs;
  readWall.sort((a, b) => a - b);

  const rules = { today: input.today, policy: NO_LATE_CHARGES };
  const build = () => ({
    totals: statementTotalsOn(summary ?? EMPTY_STATEMENT_SUMMARY, rules),
    lines: statementLinesOn(lines.items, summary ?? EMPTY_STATEMENT_SUMMARY, rules),
  });
  cpu = process.cpuUsage();
  for (let run = 0; run < runs; run++) build();
  const linesAndTotalsCpuMs = cpuMs(process.cpuUsage(cpu)) / runs;
  const built = build();
  let text = '';
  cpu = process.cpuUsage();
  for (let run = 0; run < runs; run++) text = JSON.stringify(built);
  const stringifyCpuMs = cpuMs(process.cpuUsage(cpu)) / runs;

  return {
    queryPages: shape.pages,
    queryItems: shape.items,
    queryBytes: shape.bytes,
    projectedQueryBytes: projectedShape.bytes,
    bareProjectedQueryP50Ms: round(percentile(whole.wall, 50)),
    bareProjectedQueryP99Ms: round(percentile(whole.wall, 99)),
    dynamoDbCpuMsPerQuery: whole.dynamoDbCpuMs,
    pageSize,
    pageQueryBytes: pageShape.bytes,
    barePageQueryP50Ms: round(percentile(paged.wall, 50)),
    barePageQueryP99Ms: round(percentile(paged.wall, 99)),
    dynamoDbCpuMsPerPageQuery: paged.dynamoDbCpuMs,
    projectionReadCpuMs: round(projectionReadCpuMs),
    projectionReadP50Ms: round(percentile(readWall, 50)),
    linesAndTotalsCpuMs: round(linesAndTotalsCpuMs),
    stringifyCpuMs: round(stringifyCpuMs),
    responseBytes: Buffer.byteLength(text),
    runs,
  };
}
