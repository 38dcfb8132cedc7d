import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRecord, readJson, sendJson } from '#simulators/http-io';
import type { BilletListQuery, SortColumn } from './billet-store';
import { BILLET_STATUSES, type PaytimeBilletStatus } from './billet-store';
import { parseCreateBilletRequest } from './create-billet-request';
import { BilletTransitionError, type PaytimeSimulatorEngine } from './simulator-engine';
import type { ApiFault, PaytimeOperation } from './simulator-faults';

/** Paytime's partner API as the simulator serves it: login and the billet endpoints under `/v1`. */

export interface ResponseHolder {
  /** Keeps the response unanswered; the socket is destroyed after `hangMs` or when the simulator stops. */
  hold(response: ServerResponse, hangMs?: number): void;
}

type Reply = { status: number; body: unknown };

const BILLETS = '/v1/marketplace/billets';
const SORT_COLUMNS = new Set<string>(['created_at', 'updated_at', 'expiration_at', 'amount']);

export function operationOf(
  method: string,
  path: string,
): { operation: PaytimeOperation; id?: string } | undefined {
  if (method === 'POST' && path === '/v1/auth/login') return { operation: 'login' };
  if (path === BILLETS) {
    if (method === 'POST') return { operation: 'create' };
    if (method === 'GET') return { operation: 'list' };
    return undefined;
  }
  const match = /^\/v1\/marketplace\/billets\/([^/]+)$/.exec(path);
  if (!match?.[1] || match[1] === 'recharge') return undefined;
  const id = decodeURIComponent(match[1]);
  if (method === 'GET') return { operation: 'get', id };
  if (method === 'DELETE') return { operation: 'cancel', id };
  return undefined;
}

export async function handlePaytimeApi(
  engine: PaytimeSimulatorEngine,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  holder: ResponseHolder,
): Promise<boolean> {
  const method = request.method ?? 'GET';
  const route = operationOf(method, url.pathname);
  if (!route) return false;
  const log = (outcome: number | 'lost' | 'hung') =>
    engine.log({ operation: route.operation, method, path: url.pathname, outcome });
  if (engine.faults.latencyMs > 0) await pause(engine.faults.latencyMs);
  const fault = engine.faults.takeApiFault(route.operation);
  if (fault?.kind === 'timeout') {
    holder.hold(response, fault.hangMs ?? 30_000);
    log('hung');
    return true;
  }
  if (fault?.kind === 'server_error' && !fault.afterWork) {
    sendReply(response, error(fault.status, 'Erro interno (simulado)', url));
    log(fault.status);
    return true;
  }
  const reply = await perform(engine, request, url, route);
  if (!finishWithFault(fault, reply, response, url, holder, log)) {
    sendReply(response, reply);
    log(reply.status);
  }
  return true;
}

/** Applies a fault that strikes after the work is done; true when it answered (or ate) the response. */
function finishWithFault(
  fault: ApiFault | undefined,
  reply: Reply,
  response: ServerResponse,
  url: URL,
  holder: ResponseHolder,
  log: (outcome: number | 'lost' | 'hung') => void,
): boolean {
  const succeeded = reply.status >= 200 && reply.status <= 299;
  if (fault?.kind === 'lose_response' && succeeded) {
    if (fault.mode === 'hang') {
      holder.hold(response, 30_000);
      log('hung');
    } else {
      response.socket?.destroy();
      log('lost');
    }
    return true;
  }
  if (fault?.kind === 'server_error') {
    sendReply(response, error(fault.status, 'Erro interno (simulado)', url));
    log(fault.status);
    return true;
  }
  return false;
}

async function perform(
  engine: PaytimeSimulatorEngine,
  request: IncomingMessage,
  url: URL,
  route: { operation: PaytimeOperation; id?: string },
): Promise<Reply> {
  const body =
    route.operation === 'login' || route.operation === 'create' ? await readJson(request) : undefined;
  if (route.operation === 'login') {
    const issued = engine.auth.login(request, body);
    if (!issued) return error(401, 'Credenciais inválidas', url);
    return { status: 200, body: { token: issued.token, expires_in: issued.expiresIn } };
  }
  const auth = engine.auth.check(request);
  if (!auth.ok) return error(401, auth.message, url);
  switch (route.operation) {
    case 'create': {
      if (!isRecord(body)) return error(400, 'Corpo da requisição inválido', url);
      const parsed = parseCreateBilletRequest(body, { requireClientEmail: engine.requireClientEmail });
      if (Array.isArray(parsed)) return error(422, parsed, url);
      return { status: 200, body: engine.create(parsed) };
    }
    case 'list': {
      const query = listQueryOf(url.searchParams);
      if (typeof query === 'string') return error(400, query, url);
      return { status: 200, body: engine.store.list(query) };
    }
    default: {
      const id = route.id ?? '';
      try {
        if (route.operation === 'cancel') return { status: 200, body: engine.cancel(id) };
        const billet = engine.get(id);
        return billet
          ? { status: 200, body: billet }
          : error(404, 'Recurso não encontrado.', url, 'API000010');
      } catch (caught) {
        if (caught instanceof BilletTransitionError) return error(caught.status, caught.message, url);
        throw caught;
      }
    }
  }
}

/** `filters` (JSON: status, type, establishment_id, created_at {gte, lte}), `search`, `page`, `perPage` ≤ 100, `sorters`. */
export function listQueryOf(params: URLSearchParams): BilletListQuery | string {
  const page = Number(params.get('page') ?? '1');
  const perPage = Number(params.get('perPage') ?? '20');
  if (!Number.isInteger(page) || page < 1) return 'page inválido';
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) return 'perPage deve ser de 1 a 100';
  const filters = jsonParam(params.get('filters'));
  if (filters === null || (filters !== undefined && !isRecord(filters))) return 'filters deve ser um JSON';
  const status = filters?.status;
  if (status !== undefined && !BILLET_STATUSES.includes(status as PaytimeBilletStatus))
    return 'status inválido';
  const created = isRecord(filters?.created_at) ? filters.created_at : {};
  const sorters = jsonParam(params.get('sorters'));
  if (sorters === null || (sorters !== undefined && !Array.isArray(sorters)))
    return 'sorters deve ser uma lista JSON';
  const parsedSorters: BilletListQuery['sorters'] = [];
  for (const sorter of sorters ?? []) {
    if (!isRecord(sorter) || !SORT_COLUMNS.has(String(sorter.column))) return 'coluna de ordenação inválida';
    const direction = String(sorter.direction ?? 'ASC').toUpperCase() === 'DESC' ? 'DESC' : 'ASC';
    parsedSorters.push({ column: sorter.column as SortColumn, direction });
  }
  return {
    status: status as PaytimeBilletStatus | undefined,
    establishmentId: filters?.establishment_id === undefined ? undefined : String(filters.establishment_id),
    createdFrom: typeof created.gte === 'string' ? created.gte : undefined,
    createdTo: typeof created.lte === 'string' ? created.lte : undefined,
    search: params.get('search') ?? undefined,
    sorters: parsedSorters,
    page,
    perPage,
  };
}

/** undefined when absent, null when not JSON. */
function jsonParam(value: string | null): unknown {
  if (value === null || value === '') return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}

function error(status: number, message: string | string[], url: URL, code?: string): Reply {
  return {
    status,
    body: { statusCode: status, status, message, ...(code ? { code } : {}), path: url.pathname },
  };
}

function sendReply(response: ServerResponse, reply: Reply): void {
  sendJson(response, reply.status, reply.body);
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, ms);
  });
}
