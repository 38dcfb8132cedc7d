import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A stand-in for IRIS's webhook endpoint: records the raw bytes and headers of every POST, answers `status`. */

export interface ReceivedWebhook {
  rawBody: Buffer;
  headers: IncomingHttpHeaders;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  status: number;
  /** Resolves once `count` webhooks have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  stop(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const waiters: Array<() => void> = [];
  const receiver: WebhookReceiver = {
    url: '',
    received,
    status: 200,
    waitFor: (count, timeoutMs = 3_000) =>
      new Promise((resolve, reject) => {
        const check = () => received.length >= count;
        if (check()) return resolve(received.slice(0, count));
        const timer = setTimeout(
          () => reject(new Error(`only ${received.length} of ${count} webhooks arrived`)),
          timeoutMs,
        );
        waiters.push(() => {
          if (!check()) return;
          clearTimeout(timer);
          resolve(received.slice(0, count));
        });
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ rawBody: Buffer.concat(chunks), headers: request.headers });
      response.writeHead(receiver.status).end();
      for (const waiter of [...waiters]) waiter();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/whatsapp`;
  return receiver;
}
