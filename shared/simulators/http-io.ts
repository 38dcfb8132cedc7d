import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The HTTP plumbing every simulator shares (Paytime, WhatsApp, OpenAI): a loopback server, the request body in
 * (raw bytes or JSON), JSON and bytes out. Routing stays in each simulator's route files: their fault paths
 * (held responses, reset sockets, an answer lost after the work was done) need Node's raw response.
 */

const MAX_BODY_BYTES = 1024 * 1024;

export type RequestHandler = (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<void>;

export interface LoopbackServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Stops listening and closes every connection (kept-alive ones included). */
  close(): Promise<void>;
}

export class BodyTooLargeError extends Error {
  constructor() {
    super('request body too large');
    this.name = 'BodyTooLargeError';
  }
}

/**
 * Listens on 127.0.0.1 (port 0 = any free port). An error `handle` throws is answered by `onError`, unless the
 * response has already started.
 */
export async function startLoopbackServer(
  port: number | undefined,
  handle: RequestHandler,
  onError: (response: ServerResponse, error: unknown) => void,
): Promise<LoopbackServer> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    handle(request, response, url).catch((error: unknown) => {
      if (!response.headersSent) onError(response, error);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The body's bytes, exactly as sent; BodyTooLargeError beyond `maxBytes`. */
export async function readBody(request: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > maxBytes) throw new BodyTooLargeError();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** The body as JSON; `undefined` when empty, `null` when not JSON. */
export async function readJson(request: IncomingMessage): Promise<unknown> {
  const body = await readBody(request);
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  sendBytes(response, status, bytes, 'application/json; charset=utf-8', headers);
}

export function sendBytes(
  response: ServerResponse,
  status: number,
  bytes: Uint8Array,
  contentType: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'content-type': contentType,
    'content-length': String(bytes.byteLength),
    ...headers,
  });
  response.end(bytes);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function headerOf(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
