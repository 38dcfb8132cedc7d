/**
 * Issue 16 item 1 in the bench: how fast the WhatsApp webhook answers Meta, against a minimal receiver that only
 * verifies the signature (started here, in the same process and run), at concurrency 1, 4 and 16; and the
 * owner's reply latency (signed message in → IRIS's reply at the WhatsApp simulator).
 *
 * The ack runs post a signed text addressed to a business number no tenant serves: the webhook's work (verify,
 * parse, one conditional PutItem) does not depend on what the message says, and the router's work after the
 * answer (one GetItem, then nothing) then does not compete for the same cores with the requests being timed.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { e164ToWhatsAppId, normalizePhone } from '#domain/phone-number';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { LOCAL_SECRETS } from '#infra/local/local-cloud-names';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';
import { inboundMessagePayload, metaJson } from '#simulators/whatsapp/webhook-payloads';
import { signMetaPayload, verifyMetaSignature } from '#webhooks/whatsapp/signature';

const CONCURRENCY = [1, 4, 16] as const;
const REQUESTS_PER_LEVEL = 200;
const WARM_UP = 20;
const OWNER_REPLIES = 10;
const GOALS = { p50Ratio: 3, p99Ratio: 5, throughputShare: 1 / 3 } as const;
const UNSERVED_NUMBER = '100000000000999';

export interface AckFigures {
  p50Ms: number;
  p99Ms: number;
  requestsPerSecond: number;
}

export interface WebhookAckBench {
  levels: Array<{
    concurrency: number;
    webhook: AckFigures;
    verifyOnly: AckFigures;
    verifyAndPut: AckFigures;
    /** Against the verify-only receiver (the goals). */
    p50Ratio: number;
    p99Ratio: number;
    throughputShare: number;
    /** Against verify + one PutItem to DynamoDB Local: the handler's own overhead. */
    p50RatioToPutFloor: number;
  }>;
  ownerReply: { n: number; p50Ms: number; p99Ms: number };
  goals: typeof GOALS;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const round = (value: number) => Number(value.toFixed(2));

let sequence = 0;

function signedText(phoneNumberId: string, from: string, text: string, nowSeconds: number) {
  sequence += 1;
  const body = metaJson(
    inboundMessagePayload(
      { wabaId: '102290129340398', phoneNumberId, displayPhoneNumber: DEMO_TENANT.whatsAppDisplayNumber },
      { waId: from, profileName: 'Bench' },
      {
        from,
        id: `wamid.bench-${Date.now()}-${sequence}`,
        timestamp: String(nowSeconds),
        type: 'text',
        text: { body: text },
      },
    ),
  );
  return { body, signature: signMetaPayload(body, LOCAL_SECRETS.whatsAppAppSecret) };
}

/**
 * The floor: read the body, verify the HMAC in constant time, answer 200. With `write`, also one conditional
 * PutItem of the body to the local table before answering: the floor of any design that stores before it
 * answers, so the webhook's ratio to it is what the handler itself costs.
 */
async function startReferenceReceiver(
  write?: (raw: Buffer) => Promise<void>,
): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const raw = Buffer.concat(chunks);
      const ok = verifyMetaSignature(raw, request.headers['x-hub-signature-256'] as string | undefined, [
        LOCAL_SECRETS.whatsAppAppSecret,
      ]);
      if (ok && write) await write(raw);
      response.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      response.end(ok ? '{"ok":true}' : '{"ok":false}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

async function post(url: string, delivery: { body: string; signature: string }): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': delivery.signature },
    body: delivery.body,
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - started;
}

async function measureAck(url: string, concurrency: number, cloud: LocalCloud): Promise<AckFigures> {
  const now = () => Math.floor(cloud.clock.now().getTime() / 1000);
  const from = e164ToWhatsAppId(normalizePhone(DEMO_TENANT.owner.phone));
  for (let i = 0; i < WARM_UP; i += 1) await post(url, signedText(UNSERVED_NUMBER, from, 'oi', now()));
  const deliveries = Array.from({ length: REQUESTS_PER_LEVEL }, () =>
    signedText(UNSERVED_NUMBER, from, 'quem me deve?', now()),
  );
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < deliveries.length) {
        const delivery = deliveries[next];
        next += 1;
        if (delivery) latencies.push(await post(url, delivery));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    requestsPerSecond: round(latencies.length / seconds),
  };
}

async function measureOwnerReplies(cloud: LocalCloud): Promise<WebhookAckBench['ownerReply']> {
  const owner = normalizePhone(DEMO_TENANT.owner.phone);
  const replies: number[] = [];
  for (let i = 0; i < OWNER_REPLIES; i += 1) {
    const before = cloud.simulators.whatsapp.controls.outboundTo(owner).length;
    const delivery = signedText(
      DEMO_TENANT.whatsAppPhoneNumberId,
      e164ToWhatsAppId(owner),
      'quem me deve?',
      Math.floor(cloud.clock.now().getTime() / 1000),
    );
    const started = performance.now();
    await post(cloud.urls.whatsappWebhook, delivery);
    while (cloud.simulators.whatsapp.controls.outboundTo(owner).length <= before) {
      if (performance.now() - started > 30_000) throw new Error('no reply to the owner within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    replies.push(performance.now() - started);
    await cloud.settle();
  }
  return { n: replies.length, p50Ms: round(percentile(replies, 50)), p99Ms: round(percentile(replies, 99)) };
}

export async function benchWebhookAck(): Promise<WebhookAckBench> {
  const cloud = await startLocalCloud({ port: 0 });
  const floor = await startReferenceReceiver();
  const dynamoDb = new DynamoDBClient({
    endpoint: cloud.urls.dynamoDb,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const putFloor = await startReferenceReceiver(async (raw) => {
    const key = createHash('sha256').update(raw).digest('hex');
    await dynamoDb.send(
      new PutItemCommand({
        TableName: cloud.tableName,
        Item: { pk: { S: `BENCH#${key}` }, sk: { S: 'BENCH' }, body: { S: raw.toString('utf8') } },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  });
  try {
    const levels: WebhookAckBench['levels'] = [];
    for (const concurrency of CONCURRENCY) {
      const verifyOnly = await measureAck(floor.url, concurrency, cloud);
      const verifyAndPut = await measureAck(putFloor.url, concurrency, cloud);
      const webhook = await measureAck(cloud.urls.whatsappWebhook, concurrency, cloud);
      await cloud.settle();
      const level = {
        concurrency,
        webhook,
        verifyOnly,
        verifyAndPut,
        p50Ratio: round(webhook.p50Ms / verifyOnly.p50Ms),
        p99Ratio: round(webhook.p99Ms / verifyOnly.p99Ms),
        throughputShare: round(webhook.requestsPerSecond / verifyOnly.requestsPerSecond),
        p50RatioToPutFloor: round(webhook.p50Ms / verifyAndPut.p50Ms),
      };
      levels.push(level);
      const verdict =
        level.p50Ratio <= GOALS.p50Ratio &&
        level.p99Ratio <= GOALS.p99Ratio &&
        level.throughputShare >= GOALS.throughputShare
          ? 'ok'
          : 'GAP';
      console.log(
        `concurrency ${concurrency}: webhook p50 ${webhook.p50Ms} ms / p99 ${webhook.p99Ms} ms / ${webhook.requestsPerSecond} req/s; ` +
          `verify-only p50 ${verifyOnly.p50Ms} / p99 ${verifyOnly.p99Ms} / ${verifyOnly.requestsPerSecond} req/s → ` +
          `p50 ${level.p50Ratio}× (goal ≤ ${GOALS.p50Ratio}), p99 ${level.p99Ratio}× (goal ≤ ${GOALS.p99Ratio}), ` +
          `throughput ${level.throughputShare} (goal ≥ ${round(GOALS.throughputShare)}) ${verdict}`,
      );
      console.log(
        `  verify + one PutItem to DynamoDB Local: p50 ${verifyAndPut.p50Ms} / p99 ${verifyAndPut.p99Ms} / ` +
          `${verifyAndPut.requestsPerSecond} req/s → webhook p50 ${level.p50RatioToPutFloor}× of that floor`,
      );
    }
    const ownerReply = await measureOwnerReplies(cloud);
    console.log(
      `owner reply (signed message in → reply at the simulator, n=${ownerReply.n}): p50 ${ownerReply.p50Ms} ms, p99 ${ownerReply.p99Ms} ms`,
    );
    return { levels, ownerReply, goals: GOALS };
  } finally {
    await new Promise((resolve) => floor.server.close(resolve));
    await new Promise((resolve) => putFloor.server.close(resolve));
    dynamoDb.destroy();
    await cloud.stop();
  }
}
