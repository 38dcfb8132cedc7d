/**
 * Statement read model figure (issue 14 item 3): a payer with 500 boletos (a fifth paid, a tenth paid short)
 * written through the repositories into a local cloud's table; the local cloud's `statement-projector` builds
 * the statement lines from the table's stream; then `GET /v1/statements/{contactId}` is called 200 times
 * through the local JWT authorizer and the tenant-api handler (contact GetItem + profile GetItem + one Query,
 * the statement built and serialised). Goal p99 ≤ 50 ms.
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

export const STATEMENT_BENCH = { boletos: 500, reads: 200, warmUp: 20, p99GoalMs: 50 } as const;

export interface StatementReadFigures {
  boletos: number;
  payments: number;
  lines: number;
  projectionMs: number;
  reads: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  goalP99Ms: number;
  ok: boolean;
  /** CPU per GET in this process (gateway, authorizer, tenant-api, the bench's fetch) and in DynamoDB Local. */
  cpuMsPerRead: number;
  dynamoDbCpuMsPerRead: number | null;
  /** Where the time goes, and the bare-Query floor, in the same run. */
  profile: StatementReadProfile;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
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
      const read = await tables.statements.read(tenantId, contactId);
      lines = read.boletos.length + read.payments.length;
      if (lines < expectedLines) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const projectionMs = Date.now() - writeStarted;
    if (lines < expectedLines) throw new Error(`the projection holds ${lines} of ${expectedLines} lines`);
    const token = await cloud.issuer.accessToken({ username: 'carla', role: 'viewer' });
    const url = `${cloud.apiUrl}/v1/statements/${contactId}`;
    const durations: number[] = [];
    const jvmTicks = dynamoDbLocalTicks();
    let ticksAtStart = 0;
    let cpuAtStart = process.cpuUsage();
    for (let index = 0; index < STATEMENT_BENCH.warmUp + STATEMENT_BENCH.reads; index++) {
      if (index === STATEMENT_BENCH.warmUp) {
        ticksAtStart = jvmTicks?.() ?? 0;
        cpuAtStart = process.cpuUsage();
      }
      const started = performance.now();
      const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      const body = (await response.json()) as { boletos?: unknown[] };
      const elapsed = performance.now() - started;
      if (response.status !== 200 || body.boletos?.length !== STATEMENT_BENCH.boletos) {
        throw new Error(`incomplete statement: ${response.status}`);
      }
      if (index >= STATEMENT_BENCH.warmUp) durations.push(elapsed);
    }
    const cpu = process.cpuUsage(cpuAtStart);
    const cpuMsPerRead = (cpu.user + cpu.system) / 1000 / STATEMENT_BENCH.reads;
    const dynamoDbCpuMsPerRead = jvmTicks ? ((jvmTicks() - ticksAtStart) * 10) / STATEMENT_BENCH.reads : null;
    durations.sort((a, b) => a - b);
    const profile = await profileStatementRead({
      client,
      tableName: cloud.tableName,
      partition: statementPartitionKey(tenantId, contactId),
      lineAttribute: STATEMENT_LINE_ATTRIBUTE,
      projection: tables.statements,
      tenantId,
      contactId,
      today,
      runs: 100,
    });
    const p99Ms = percentile(durations, 99);
    return {
      boletos: STATEMENT_BENCH.boletos,
      payments,
      lines,
      projectionMs,
      reads: durations.length,
      p50Ms: Math.round(percentile(durations, 50) * 10) / 10,
      p99Ms: Math.round(p99Ms * 10) / 10,
      maxMs: Math.round((durations.at(-1) ?? 0) * 10) / 10,
      goalP99Ms: STATEMENT_BENCH.p99GoalMs,
      ok: p99Ms <= STATEMENT_BENCH.p99GoalMs,
      cpuMsPerRead: Math.round(cpuMsPerRead * 100) / 100,
      dynamoDbCpuMsPerRead,
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
