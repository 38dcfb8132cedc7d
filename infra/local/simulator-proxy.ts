import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from './http-io';

/**
 * `/_sim/whatsapp/*` and `/_sim/paytime/*` on the API port: forwarded unchanged (method, path, query, body) to
 * the simulator's own control routes, so scripts need one base URL. A POST changes something (a message sent,
 * a boleto paid), so the answer waits until the local cloud has reacted to it (`settle`), up to a bound; the
 * `x-iris-settled` header says whether it did.
 */

export interface SimulatorProxyTarget {
  /** `http://127.0.0.1:<port>` of the simulator. */
  baseUrl: string;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'host', 'content-length']);

export async function proxyToSimulator(
  request: IncomingMessage,
  response: ServerResponse,
  target: SimulatorProxyTarget,
  settle: () => Promise<{ settled: boolean }>,
): Promise<void> {
  const method = request.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(request);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name))
      headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const upstream = await fetch(`${target.baseUrl}${request.url ?? '/'}`, {
    method,
    headers,
    ...(body !== undefined && body.length > 0 && { body }),
    signal: AbortSignal.timeout(30_000),
  });
  const bytes = Buffer.from(await upstream.arrayBuffer());
  const extra: Record<string, string> = {};
  if (method !== 'GET' && method !== 'HEAD' && upstream.ok) {
    extra['x-iris-settled'] = String((await settle()).settled);
  }
  response.writeHead(upstream.status, {
    'content-type': upstream.headers.get('content-type') ?? 'application/json',
    'content-length': String(bytes.length),
    'cache-control': 'no-store',
    ...extra,
  });
  response.end(bytes);
}
