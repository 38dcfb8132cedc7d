import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  authorization: string | undefined;
  contentType: string | undefined;
  body: string;
  json: {
    event: string;
    event_date: string;
    data: Record<string, unknown> & { _id: string; status: string };
  };
}

/** What the receiver does with the n-th request (0-based): answer a status, or take `delayMs` first. */
export type ReceiverBehaviour = (index: number) => { status: number; delayMs?: number };

/** A webhook receiver on 127.0.0.1 that records what it gets. */
export async function startWebhookReceiver(behaviour: ReceiverBehaviour = () => ({ status: 200 })) {
  const received: ReceivedWebhook[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const index = received.length;
      received.push({
        authorization: request.headers.authorization,
        contentType: request.headers['content-type'],
        body,
        json: JSON.parse(body),
      });
      const { status, delayMs } = behaviour(index);
      const answer = () => {
        if (!response.destroyed) response.writeHead(status, { 'content-type': 'application/json' }).end('{}');
      };
      if (delayMs) setTimeout(answer, delayMs).unref();
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/paytime`,
    received,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 5_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
