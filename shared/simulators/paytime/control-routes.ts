import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRecord, readJson, sendBytes, sendJson } from '#simulators/http-io';
import { pdfFor } from './billet-issuing';
import { BilletTransitionError, type PaytimeSimulatorEngine } from './simulator-engine';
import { applyFaultRequest } from './simulator-faults';

/**
 * The simulator's control API (JSON, no auth), for the local cloud, demos and tests:
 *
 * - `GET  /_sim/paytime/boletos` — every billet issued; `GET /_sim/paytime/boletos/<id>` — one.
 * - `GET  /_sim/paytime/boletos/<id>/pdf` — the PDF the billet's `url` points at.
 * - `POST /_sim/paytime/boletos/<id>/pay` `{ "amount_cents": N }` (default: full amount) — PAID + webhook.
 * - `POST /_sim/paytime/boletos/<id>/process` | `/expire` | `/fail` — force that transition + webhook.
 * - `POST /_sim/paytime/faults` (see `applyFaultRequest`), `GET` shows pending faults, `DELETE` clears them.
 * - `GET  /_sim/paytime/webhooks` — deliveries so far; `PUT /_sim/paytime/webhook`
 *   `{ "url", "basic_user", "basic_password" }` sets the receiver, `DELETE` removes it.
 * - `POST /_sim/paytime/sandbox-rules` `{ "enabled": true }`; `POST /_sim/paytime/tokens/revoke`.
 * - `GET  /_sim/paytime/requests` — API calls received; `POST /_sim/paytime/settle` — waits for webhooks;
 *   `POST /_sim/paytime/reset`.
 */

const PREFIX = '/_sim/paytime';

export async function handlePaytimeControl(
  engine: PaytimeSimulatorEngine,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): Promise<boolean> {
  if (!url.pathname.startsWith(`${PREFIX}/`)) return false;
  const path = url.pathname.slice(PREFIX.length);
  const method = request.method ?? 'GET';
  try {
    await route(engine, request, response, method, path);
  } catch (caught) {
    if (!(caught instanceof BilletTransitionError)) throw caught;
    sendJson(response, caught.status, { error: caught.message });
  }
  return true;
}

async function route(
  engine: PaytimeSimulatorEngine,
  request: IncomingMessage,
  response: ServerResponse,
  method: string,
  path: string,
): Promise<void> {
  if (method === 'GET' && path === '/boletos') return sendJson(response, 200, { data: engine.store.all() });
  const billetRoute = /^\/boletos\/([^/]+)(?:\/(pay|process|expire|fail|pdf))?$/.exec(path);
  if (billetRoute?.[1]) {
    const id = decodeURIComponent(billetRoute[1]);
    const action = billetRoute[2];
    if (method === 'GET' && action === undefined) {
      const billet = engine.get(id);
      return billet
        ? sendJson(response, 200, billet)
        : sendJson(response, 404, { error: 'billet not found' });
    }
    if (method === 'GET' && action === 'pdf') return sendPdf(engine, response, id);
    if (method === 'POST' && action === 'pay') {
      const body = await readJson(request);
      const amount =
        isRecord(body) && body.amount_cents !== undefined ? Number(body.amount_cents) : undefined;
      return sendJson(response, 200, engine.pay(id, amount));
    }
    if (method === 'POST' && action === 'process')
      return sendJson(response, 200, engine.completeProcessing(id));
    if (method === 'POST' && action === 'expire') return sendJson(response, 200, engine.expire(id));
    if (method === 'POST' && action === 'fail') return sendJson(response, 200, engine.fail(id));
  }
  if (path === '/faults') return faults(engine, request, response, method);
  if (path === '/webhook') return webhook(engine, request, response, method);
  if (method === 'GET' && path === '/webhooks')
    return sendJson(response, 200, { data: engine.webhooks.deliveries });
  if (method === 'GET' && path === '/requests') return sendJson(response, 200, { data: engine.requestLog });
  if (method === 'POST' && path === '/sandbox-rules') {
    const body = await readJson(request);
    engine.sandboxAmountRules = isRecord(body) && body.enabled === true;
    return sendJson(response, 200, { enabled: engine.sandboxAmountRules });
  }
  if (method === 'POST' && path === '/tokens/revoke') {
    engine.auth.revokeAll();
    return sendJson(response, 200, { revoked: true });
  }
  if (method === 'POST' && path === '/settle') {
    await engine.settle();
    return sendJson(response, 200, { settled: true });
  }
  if (method === 'POST' && path === '/reset') {
    engine.reset();
    return sendJson(response, 200, { reset: true });
  }
  sendJson(response, 404, { error: `unknown simulator control ${method} ${PREFIX}${path}` });
}

async function faults(
  engine: PaytimeSimulatorEngine,
  request: IncomingMessage,
  response: ServerResponse,
  method: string,
): Promise<void> {
  if (method === 'GET') return sendJson(response, 200, engine.faults.snapshot());
  if (method === 'DELETE') {
    engine.faults.clear();
    return sendJson(response, 200, engine.faults.snapshot());
  }
  if (method !== 'POST') return sendJson(response, 405, { error: 'use GET, POST or DELETE' });
  const body = await readJson(request);
  if (!isRecord(body)) return sendJson(response, 400, { error: 'body must be a JSON object' });
  const problem = applyFaultRequest(engine.faults, body);
  if (problem) return sendJson(response, 400, { error: problem });
  sendJson(response, 200, engine.faults.snapshot());
}

async function webhook(
  engine: PaytimeSimulatorEngine,
  request: IncomingMessage,
  response: ServerResponse,
  method: string,
): Promise<void> {
  if (method === 'DELETE') {
    engine.webhooks.config = undefined;
    return sendJson(response, 200, { configured: false });
  }
  if (method !== 'PUT') return sendJson(response, 405, { error: 'use PUT or DELETE' });
  const body = await readJson(request);
  if (!isRecord(body) || typeof body.url !== 'string')
    return sendJson(response, 400, { error: 'url is required' });
  engine.webhooks.config = {
    ...engine.webhooks.config,
    url: body.url,
    basicUser: typeof body.basic_user === 'string' ? body.basic_user : undefined,
    basicPassword: typeof body.basic_password === 'string' ? body.basic_password : undefined,
  };
  sendJson(response, 200, { configured: true, url: body.url });
}

function sendPdf(engine: PaytimeSimulatorEngine, response: ServerResponse, id: string): void {
  const billet = engine.get(id);
  if (!billet || billet.url === null) {
    sendJson(response, 404, { error: 'no PDF for this billet' });
    return;
  }
  sendBytes(response, 200, pdfFor(billet), 'application/pdf');
}
