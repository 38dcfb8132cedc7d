/**
 * Statement read model figure (issue 14 item 3): a payer with 500 boletos (a fifth paid, a tenth paid short)
 * written through the repositories into a local cloud's table; the local cloud's `statement-projector` builds
 * the statement lines and their summary from the table's stream; then `GET /v1/statements/{contactId}` (the
 * default page: totals + the latest 50 lines) is called 200 times through the local JWT authorizer and the
 * tenant-api handler (rate limiter UpdateItem, contact + profile + summary GetItems and one page Query, the
 * page built and serialised), and 200 times more with `limit=200` (the largest page). Goal p99 ≤ 50 ms.
 *
 * Runs in a child process of its own (`tsx test/bench/statement-read.ts`): a process holds one local cloud.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '#adapters/dynamodb/document-client';
import {
  STATEMENT_LINE_ATTRIBUTE,
  statementPartitionKey,
} from '#adapters/dynamodb/statements/statement-line-entity';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { applyPayment, registerBoleto, requestBoleto } from '#domain/boleto';
import { addDays, saoPauloDateOf } from '#domain/calendar-date';
import { normalizePhone } from '#domain/phone-number';
import { parseTaxId } from '#domain/tax-id';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { startLocalCloud } from '#infra/local/start-local-cloud';
import {
  dynamoDbLocalTicks,
  profileStatementRead,
  type StatementReadProfile,
} from './statement-read-profile';

export const STATEMENT_BENCH = {
  boletos: 500,
  reads: 200,
  warmUp: 20,
  p99GoalMs: 50,
  pageLines: 50,
  largestPageLines: 200,
} as const;

interface ReadSeries {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** CPU per GET in this process (gateway, authorizer, tenant-api, the bench's fetch) and in DynamoDB Local. */
  cpuMsPerRead: number;
  dynamoDbCpuMsPerRead: number | null;
  responseBytes: number;
}

export interface StatementReadFigures {
  boletos: number;
  payments: number;
  lines: number;
  projectionMs: number;
  reads: number;
  /** The default page (50 lines): the figure the goal is about. */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  goalP99Ms: number;
  ok: boolean;
  cpuMsPerRead: number;
  dynamoDbCpuMsPerRead: number | null;
  responseBytes: number;
  /** The largest page (`limit=200`). */
  largestPage: ReadSeries;
  /** Where the time goes, and the bare-Query floors, in the same run. */
  profile: StatementReadProfile;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const tenth = (value: number) => Math.round(value * 10) / 10;

/** `reads` GETs of `url` after a warm-up, each checked to be a whole page with the whole statement's totals. */
async function readSeries(url: string, token: string, lines: number, boletos: number): Promise<ReadSeries> {
  const durations: number[] = [];
  const jvmTicks = dynamoDbLocalTicks();
  let ticksAtStart = 0;
  let cpuAtStart = process.cpuUsage();
  let responseBytes = 0;
  for (let index = 0; index < STATEMENT_BENCH.warmUp + STATEMENT_BENCH.reads; index++) {
    if (index === STATEMENT_BENCH.warmUp) {
      ticksAtStart = jvmTicks?.() ?? 0;
      cpuAtStart = process.cpuUsage();
    }
    const started = performance.now();
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    const text = await response.text();
    const body = JSON.parse(text) as { lines?: unknown[]; totals?: { boletoCount?: number } };
    const elapsed = performance.now() - started;
    if (response.status !== 200 || body.lines?.length !== lines || body.totals?.boletoCount !== boletos) {
      throw new Error(`incomplete statement page: ${response.status}`);
    }
    responseBytes = Buffer.byteLength(text);
    if (index >= STATEMENT_BENCH.warmUp) durations.push(elapsed);
  }
  const cpu = process.cpuUsage(cpuAtStart);
  durations.sort((a, b) => a - b);
  return {
    p50Ms: tenth(percentile(durations, 50)),
    p99Ms: tenth(percentile(durations, 99)),
    maxMs: tenth(durations.at(-1) ?? 0),
    cpuMsPerRead: Math.round(((cpu.user + cpu.system) / 1000 / STATEMENT_BENCH.reads) * 100) / 100,
    dynamoDbCpuMsPerRead: jvmTicks ? ((jvmTicks() - ticksAtStart) * 10) / STATEMENT_BENCH.reads : null,
    responseBytes,
  };
}

async function measure(): Promise<StatementReadFigures> {
  // 220 reads by one member in well under a minute: the per-member limit (120/min) would answer 429. The
  // limiter's one UpdateItem per request still runs, so it stays in the figure.
  process.env.API_MEMBER_REQUESTS_PER_MINUTE = '100000';
  const cloud = await startLocalCloud({ port: 0 });
  try {
    const client = new DynamoDBClient({
      endpoint: cloud.urls.dynamoDb,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const tables = createTableRepositories(cloud.tableName, createDocumentClient(client));
    const tenantId = DEMO_TENANT.tenantId;
    const contactId = 'bench-statement-payer';
    const at = cloud.clock.now().toISOString();
    const today = saoPauloDateOf(cloud.clock.now());
    await tables.contacts.create({
      tenantId,
      contactId,
      name: 'Pagador Quinhentos',
      phone: normalizePhone('+5511977770500'),
      taxId: parseTaxId('529.982.247-25'),
      optedOut: false,
      createdAt: at,
    });
    const owner = { kind: 'owner' as const, id: 'bench' };
    const provider = { kind: 'provider' as const, id: 'paytime' };
    let payments = 0;
    const writeStarted = Date.now();
    for (let index = 0; index < STATEMENT_BENCH.boletos; index++) {
      const requested = requestBoleto(
        {
          id: `bench-boleto-${String(index).padStart(4, '0')}`,
          tenantId,
          contactId,
          amountCents: 10_000 + index,
          dueDate: addDays(today, index % 60),
          description: `Parcela ${index + 1}`,
          commandKey: `bench-command-${index}`,
          today,
          maxAmountCents: 5_000_000,
        },
        { actor: owner, at },
      );
      await tables.boletos.create(requested);
      const registered = registerBoleto(
        requested.boleto,
        { providerId: `bench-billet-${index}`, digitableLine: '2'.repeat(47), barcode: '3'.repeat(44) },
        { actor: provider, at },
      );
      await tables.boletos.update(registered, requested.boleto.version);
      if (index % 5 !== 0) continue;
      const amountCents = index % 10 === 0 ? 4_000 : requested.boleto.amountCents;
      const paymentId = `bench-payment-${index}`;
      const paid = applyPayment(
        registered.boleto,
        { paymentId, amountCents, paidOn: today },
        { actor: provider, at },
      );
      await tables.boletos.update(paid, registered.boleto.version);
      await tables.payments.record({
        tenantId,
        paymentId,
        boletoId: requested.boleto.id,
        contactId,
        amountCents,
        paidOn: today,
        provider: 'paytime',
        providerPaymentKey: paymentId,
        recordedAt: at,
      });
      payments += 1;
    }
    const expectedLines = STATEMENT_BENCH.boletos + payments;
    let lines = 0;
    for (let attempt = 0; attempt < 600 && lines < expectedLines; attempt++) {
      await cloud.settle();
      const summary = await tables.statements.readSummary(tenantId, contactId);
      lines = (summary?.boletoCount ?? 0) + (summary?.paymentCount ?? 0);
      if (lines < expectedLines) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const projectionMs = Date.now() - writeStarted;
    if (lines < expectedLines)
      throw new Error(`the projection's totals count ${lines} of ${expectedLines} lines`);
    const token = await cloud.issuer.accessToken({ username: 'carla', role: 'viewer' });
    const url = `${cloud.apiUrl}/v1/statements/${contactId}`;
    const page = await readSeries(url, token, STATEMENT_BENCH.pageLines, STATEMENT_BENCH.boletos);
    const largestPage = await readSeries(
      `${url}?limit=${STATEMENT_BENCH.largestPageLines}`,
      token,
      STATEMENT_BENCH.largestPageLines,
      STATEMENT_BENCH.boletos,
    );
    const profile = await profileStatementRead({
      client,
      tableName: cloud.tableName,
      partition: statementPartitionKey(tenantId, contactId),
      lineAttribute: STATEMENT_LINE_ATTRIBUTE,
      projection: tables.statements,
      tenantId,
      contactId,
      today,
      pageSize: STATEMENT_BENCH.pageLines,
      runs: 100,
    });
    return {
      boletos: STATEMENT_BENCH.boletos,
      payments,
      lines,
      projectionMs,
      reads: STATEMENT_BENCH.reads,
      ...page,
      goalP99Ms: STATEMENT_BENCH.p99GoalMs,
      ok: page.p99Ms <= STATEMENT_BENCH.p99GoalMs,
      largestPage,
      profile,
    };
  } finally {
    await cloud.stop();
  }
}

/** For `run.ts`: measures in a child process and returns its figures. */
export function benchStatementRead(): StatementReadFigures {
  const run = spawnSync('npx', ['tsx', fileURLToPath(import.meta.url)], { encoding: 'utf8' });
  const line = run.stdout.trim().split('\n').at(-1) ?? '';
  if (run.status !== 0) throw new Error(`statement bench failed: ${run.stderr.slice(-2_000)}`);
  return JSON.parse(line) as StatementReadFigures;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  measure()
    .then((figures) => {
      console.log(JSON.stringify(figures));
      process.exit(0);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.stack : String(error));
      process.exit(1);
    });
}
