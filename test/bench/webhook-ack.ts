/**
 * Issue 16 item 1 in the bench: how fast the WhatsApp webhook answers Meta, against a minimal receiver that only
 * verifies the signature (started here, in the same process and run, behind the same local HTTP front), at
 * concurrency 1, 4 and 16; and the owner's reply latency (signed message in → IRIS's reply at the WhatsApp
 * simulator). Runs on the local cloud `run.ts` starts (one per process).
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
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { e164ToWhatsAppId, normalizePhone } from '#domain/phone-number';
import { invokeHttpApiFunction } from '#infra/local/api-server';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { LOCAL_SECRETS } from '#infra/local/local-cloud-names';
import type { LocalCloud } from '#infra/local/start-local-cloud';
import { inboundMessagePayload, metaJson } from '#simulators/whatsapp/webhook-payloads';
import {
  rawBodyOf,
  signatureHeaderOf,
  signMetaPayload,
  verifyMetaSignature,
} from '#webhooks/whatsapp/signature';

const CONCURRENCY = [1, 4, 16] as const;
const REQUESTS_PER_LEVEL = 200;
const WARM_UP = 20;
const ROUNDS = 5;
const OWNER_REPLIES = 10;
const GOALS = { p50Ratio: 3, p99Ratio: 5, throughputShare: 1 / 3 } as const;
/**
 * The owner's reply latency before issue 16 moved routing behind the table's stream (`npm run bench`, load ~17,
 * docs/decisions.md "Performance"): the reference the issue says must not get worse.
 */
const OWNER_REPLY_BEFORE = { p50Ms: 305, p99Ms: 1365, loadAverage: 17 } as const;
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
    /** Against verify + one PutItem to DynamoDB Local (same front): the handler's own overhead. */
    p50RatioToPutFloor: number;
    p99RatioToPutFloor: number;
    throughputShareOfPutFloor: number;
  }>;
  ownerReply: { n: number; p50Ms: number; p99Ms: number };
  ownerReplyBefore: typeof OWNER_REPLY_BEFORE;
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
 * A reference receiver behind the same local HTTP front as the production webhook (`invokeHttpApiFunction`: body
 * read, API Gateway v2 event, Lambda context, result written back), so the ratio compares what the functions do,
 * not two different servers. The verify-only function decodes the body as the webhook does, verifies the HMAC
 * in constant time and answers 200. With `write`, it also makes one conditional PutItem of the body to the local
 * table before answering: the floor of any design that stores before it answers.
 */
async function startReferenceReceiver(
  name: string,
  write?: (raw: Buffer) => Promise<void>,
): Promise<{ url: string; server: Server }> {
  const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const raw = rawBodyOf(event);
    const ok = verifyMetaSignature(raw, signatureHeaderOf(event.headers), [LOCAL_SECRETS.whatsAppAppSecret]);
    if (ok && write) await write(raw);
    return {
      statusCode: ok ? 200 : 401,
      headers: { 'content-type': 'application/json' },
      body: ok ? '{"ok":true}' : '{"ok":false}',
    };
  };
  const server = createServer((request, response) => {
    invokeHttpApiFunction(request, response, {
      handler,
      functionName: name,
      routeKey: 'POST /webhooks/whatsapp',
      log: (line) => console.error(line),
    }).catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/whatsapp`, server };
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

type Target = 'verifyOnly' | 'verifyAndPut' | 'webhook';

/**
 * One concurrency level, interleaved: the requests of each target are split into rounds, and every round runs a
 * slice for each target in turn (the order rotating), so the drift of a shared, loaded machine hits all three
 * alike. After each slice the local cloud settles (the router's work behind the stream does not spill into the
 * next target's slice). Throughput is the target's requests over the time its own slices took.
 */
async function measureLevel(
  urls: Record<Target, string>,
  concurrency: number,
  cloud: LocalCloud,
): Promise<Record<Target, AckFigures>> {
  const now = () => Math.floor(cloud.clock.now().getTime() / 1000);
  const from = e164ToWhatsAppId(normalizePhone(DEMO_TENANT.owner.phone));
  const targets = Object.keys(urls) as Target[];
  for (const target of targets) {
    for (let i = 0; i < WARM_UP; i += 1)
      await post(urls[target], signedText(UNSERVED_NUMBER, from, 'oi', now()));
  }
  await cloud.settle();
  const latencies = new Map<Target, number[]>(targets.map((target) => [target, []]));
  const seconds = new Map<Target, number>(targets.map((target) => [target, 0]));
  const perSlice = Math.ceil(REQUESTS_PER_LEVEL / ROUNDS);
  for (let round = 0; round < ROUNDS; round += 1) {
    const order = targets.map((_, index) => targets[(index + round) % targets.length] as Target);
    for (const target of order) {
      const deliveries = Array.from({ length: perSlice }, () =>
        signedText(UNSERVED_NUMBER, from, 'quem me deve?', now()),
      );
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < deliveries.length) {
            const delivery = deliveries[next];
            next += 1;
            if (delivery) latencies.get(target)?.push(await post(urls[target], delivery));
          }
        }),
      );
      seconds.set(target, (seconds.get(target) ?? 0) + (performance.now() - started) / 1000);
      await cloud.settle();
    }
  }
  const figures = (target: Target): AckFigures => {
    const values = latencies.get(target) ?? [];
    return {
      p50Ms: round(percentile(values, 50)),
      p99Ms: round(percentile(values, 99)),
      requestsPerSecond: round(values.length / (seconds.get(target) ?? Number.NaN)),
    };
  };
  return {
    verifyOnly: figures('verifyOnly'),
    verifyAndPut: figures('verifyAndPut'),
    webhook: figures('webhook'),
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

export async function benchWebhookAck(cloud: LocalCloud): Promise<WebhookAckBench> {
  const floor = await startReferenceReceiver('bench-verify-only');
  const dynamoDb = new DynamoDBClient({
    endpoint: cloud.urls.dynamoDb,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const putFloor = await startReferenceReceiver('bench-verify-and-put', async (raw) => {
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
      const { verifyOnly, verifyAndPut, webhook } = await measureLevel(
        { verifyOnly: floor.url, verifyAndPut: putFloor.url, webhook: cloud.urls.whatsappWebhook },
        concurrency,
        cloud,
      );
      const level = {
        concurrency,
        webhook,
        verifyOnly,
        verifyAndPut,
        p50Ratio: round(webhook.p50Ms / verifyOnly.p50Ms),
        p99Ratio: round(webhook.p99Ms / verifyOnly.p99Ms),
        throughputShare: round(webhook.requestsPerSecond / verifyOnly.requestsPerSecond),
        p50RatioToPutFloor: round(webhook.p50Ms / verifyAndPut.p50Ms),
        p99RatioToPutFloor: round(webhook.p99Ms / verifyAndPut.p99Ms),
        throughputShareOfPutFloor: round(webhook.requestsPerSecond / verifyAndPut.requestsPerSecond),
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
          `${verifyAndPut.requestsPerSecond} req/s → webhook p50 ${level.p50RatioToPutFloor}×, p99 ${level.p99RatioToPutFloor}×, ` +
          `throughput ${level.throughputShareOfPutFloor} of that floor`,
      );
    }
    const ownerReply = await measureOwnerReplies(cloud);
    console.log(
      `owner reply (signed message in → reply at the simulator, n=${ownerReply.n}): p50 ${ownerReply.p50Ms} ms, p99 ${ownerReply.p99Ms} ms ` +
        `(goal: not worse than before the webhook wrote-then-answered, p50 ${OWNER_REPLY_BEFORE.p50Ms} / p99 ${OWNER_REPLY_BEFORE.p99Ms} ms ` +
        `at load ${OWNER_REPLY_BEFORE.loadAverage}; another run, so compare under similar load) ` +
        `${ownerReply.p50Ms <= OWNER_REPLY_BEFORE.p50Ms && ownerReply.p99Ms <= OWNER_REPLY_BEFORE.p99Ms ? 'ok' : 'GAP (or load)'}`,
    );
    return { levels, ownerReply, ownerReplyBefore: OWNER_REPLY_BEFORE, goals: GOALS };
  } finally {
    await new Promise((resolve) => floor.server.close(resolve));
    await new Promise((resolve) => putFloor.server.close(resolve));
    dynamoDb.destroy();
  }
}
