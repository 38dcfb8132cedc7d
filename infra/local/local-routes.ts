import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConsoleState } from './console-state';
import type { ClockAdvance } from './emulators';
import { BadRequestError, parseJsonObject, readBody, sendError, sendJson } from './http-io';
import type { SettleResult } from './quiescence';

/**
 * The local cloud's own control and inspection routes (`/_local/...`), which exist only here:
 *
 * - `GET  /_local/clock` — virtual now (UTC and São Paulo) and the next instant something waits for.
 * - `POST /_local/clock/advance` `{ "days"?, "hours"?, "minutes"? }` — moves the clock; every workflow, queued
 *   delivery and scheduled job whose time comes runs, in time order, before the answer.
 * - `POST /_local/settle` — waits until nothing is in flight.
 * - `GET  /_local/state` — everything the console shows, in one JSON.
 * - `GET  /_local/boletos`, `GET /_local/boletos/<id>` (with its audit trail), `GET /_local/outbox`,
 *   `GET /_local/emails`, `GET /_local/chat?with=<E.164>` (default: the demo owner), `GET /_local/info`.
 * - `GET  /_local/imports` — the aging imports, newest first; `GET /_local/aging` — per account: buckets, total,
 *   degree, paused/pinned, last collection e-mail with its status; `GET /_local/email-statuses` — every e-mail
 *   the SES server received with what SES reported about it (`collections-state.ts`).
 * - `GET  /_local/reports` — the reports (PDF) and spreadsheets (CSV) generated, newest first, with links.
 * - `GET  /_local/budgets` — the current month's budgets: limit, spent, percent used, remaining, days left.
 */

export interface LocalRoutesBackend {
  state: ConsoleState;
  advance(by: ClockAdvance): Promise<SettleResult>;
  settle(): Promise<SettleResult>;
  info(): Record<string, unknown>;
}

const ADVANCE_UNITS = ['days', 'hours', 'minutes'] as const;
const MAX_ADVANCE_DAYS = 400;

export async function handleLocalRoute(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  backend: LocalRoutesBackend,
): Promise<boolean> {
  const method = request.method ?? 'GET';
  const path = url.pathname.replace(/\/+$/, '');
  const { state } = backend;
  if (method === 'GET' && path === '/_local/clock') return reply(response, state.clock());
  if (method === 'POST' && path === '/_local/clock/advance') {
    const by = parseAdvance(parseJsonObject(await readBody(request)));
    const result = await backend.advance(by);
    return reply(response, { ...state.clock(), advancedBy: by, settled: result.settled });
  }
  if (method === 'POST' && path === '/_local/settle') return reply(response, await backend.settle());
  if (method === 'GET' && path === '/_local/state') return reply(response, await state.snapshot());
  if (method === 'GET' && path === '/_local/info') return reply(response, backend.info());
  if (method === 'GET' && path === '/_local/boletos')
    return reply(response, { boletos: await state.boletoList() });
  const boleto = /^\/_local\/boletos\/([^/]+)$/.exec(path);
  if (method === 'GET' && boleto?.[1]) {
    const found = await state.audit(decodeURIComponent(boleto[1]));
    if (!found) {
      sendError(response, 404, 'boleto not found');
      return true;
    }
    return reply(response, found);
  }
  if (method === 'GET' && path === '/_local/outbox') return reply(response, { outbox: await state.outbox() });
  if (method === 'GET' && path === '/_local/emails') return reply(response, { emails: await state.emails() });
  if (method === 'GET' && path === '/_local/imports')
    return reply(response, { imports: await state.collections.imports() });
  if (method === 'GET' && path === '/_local/aging')
    return reply(response, { accounts: await state.collections.aging() });
  if (method === 'GET' && path === '/_local/email-statuses')
    return reply(response, { emails: await state.collections.emailStatuses() });
  if (method === 'GET' && path === '/_local/reports')
    return reply(response, { reports: await state.reports() });
  if (method === 'GET' && path === '/_local/budgets') return reply(response, await state.budgets());
  if (method === 'GET' && path === '/_local/chat') {
    const other = url.searchParams.get('with') ?? undefined;
    return reply(response, { with: other ?? null, messages: state.chat(other) });
  }
  if (path.startsWith('/_local/')) {
    sendError(response, 404, `unknown local route ${method} ${path}`);
    return true;
  }
  return false;
}

function reply(response: ServerResponse, body: unknown): true {
  sendJson(response, 200, body);
  return true;
}

export function parseAdvance(body: Record<string, unknown>): ClockAdvance {
  const by: ClockAdvance = {};
  for (const unit of ADVANCE_UNITS) {
    const value = body[unit];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new BadRequestError(`${unit} must be a number >= 0`);
    }
    by[unit] = value;
  }
  const unknown = Object.keys(body).filter((key) => !(ADVANCE_UNITS as readonly string[]).includes(key));
  if (unknown.length > 0)
    throw new BadRequestError(`unknown field(s): ${unknown.join(', ')}; use days, hours or minutes`);
  const totalDays = (by.days ?? 0) + (by.hours ?? 0) / 24 + (by.minutes ?? 0) / 1_440;
  if (totalDays === 0) throw new BadRequestError('give days, hours or minutes (more than zero)');
  if (totalDays > MAX_ADVANCE_DAYS)
    throw new BadRequestError(`advance at most ${MAX_ADVANCE_DAYS} days at a time`);
  return by;
}
