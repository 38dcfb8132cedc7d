import {
  BillingProviderAuthError,
  type BillingProviderError,
  BillingProviderRejectedError,
  BillingProviderUnavailableError,
  type RejectedField,
} from '#application/ports/billing-provider';

/**
 * One HTTP exchange with Paytime: URL building, JSON in and out, a timeout that covers the whole body, and
 * the translation of every failure into the port's errors. No retries and no authentication here.
 */

export type FetchFunction = typeof fetch;
export type HttpMethod = 'GET' | 'POST' | 'DELETE';

export interface PaytimeExchange {
  method: HttpMethod;
  path: string;
  query?: Record<string, string>;
  headers: Record<string, string>;
  body?: unknown;
}

export interface PaytimeReply {
  status: number;
  /** Parsed JSON body; `undefined` when empty or not JSON. */
  json: unknown;
}

/** Network errors that prove the request never left: nothing can have been created. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export class PaytimeHttp {
  constructor(private readonly options: { baseUrl: string; fetch: FetchFunction; timeoutMs: number }) {}

  /** Resolves for any HTTP status; rejects with BillingProviderUnavailableError on transport failures. */
  async exchange(call: PaytimeExchange): Promise<PaytimeReply> {
    const url = new URL(call.path.replace(/^\/+/, ''), ensureTrailingSlash(this.options.baseUrl));
    for (const [name, value] of Object.entries(call.query ?? {})) url.searchParams.set(name, value);
    const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    try {
      const response = await this.options.fetch(url, {
        method: call.method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      const text = await response.text();
      return { status: response.status, json: parseJson(text) };
    } catch (error) {
      throw transportError(error, call.method, this.options.timeoutMs);
    }
  }
}

/** The port error for a non-2xx reply (404 is left to the caller, who knows what was not found). */
export function errorForReply(reply: PaytimeReply, method: HttpMethod, what: string): BillingProviderError {
  const providerMessage = messageOf(reply.json);
  const summary = `Paytime ${what} answered ${reply.status}${providerMessage ? `: ${providerMessage}` : ''}`;
  const { status } = reply;
  if (status === 401 || status === 403) return new BillingProviderAuthError(summary, { httpStatus: status });
  if (status === 429) return new BillingProviderUnavailableError(summary, { httpStatus: status });
  if (status === 408 || status >= 500) {
    // A create that failed on the server side may still have been recorded: the caller must look first.
    return new BillingProviderUnavailableError(summary, {
      httpStatus: status,
      outcomeUnknown: method === 'POST',
    });
  }
  return new BillingProviderRejectedError(summary, {
    httpStatus: status,
    providerMessage,
    fields: rejectedFieldsOf(reply.json),
  });
}

/** Paytime's validation messages start with the body path (`client.email: is required`); the port's names. */
const FIELD_OF_PATH: ReadonlyArray<[RegExp, RejectedField]> = [
  [/^client\.email\b/, 'payer.email'],
  [/^client\.document\b/, 'payer.taxId'],
  [/^client\.phone\b/, 'payer.phone'],
  [/^client\.(first_name|last_name)\b/, 'payer.name'],
  [/^client\.address\b/, 'payer.address'],
  [/^amount\b/, 'amount'],
  [/^(expiration|payment_limit_date)\b/, 'dueDate'],
];

export function rejectedFieldsOf(json: unknown): RejectedField[] {
  const message =
    typeof json === 'object' && json !== null ? (json as { message?: unknown }).message : undefined;
  const lines = Array.isArray(message) ? message : [message];
  const fields = new Set<RejectedField>();
  for (const line of lines) {
    if (typeof line !== 'string') continue;
    const path = line.trim();
    fields.add(FIELD_OF_PATH.find(([pattern]) => pattern.test(path))?.[1] ?? 'other');
  }
  return [...fields];
}

export function isSuccess(reply: PaytimeReply): boolean {
  return reply.status >= 200 && reply.status <= 299;
}

function transportError(
  error: unknown,
  method: HttpMethod,
  timeoutMs: number,
): BillingProviderUnavailableError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new BillingProviderUnavailableError(`Paytime did not answer within ${timeoutMs} ms`, {
      cause: error,
      outcomeUnknown: method === 'POST',
    });
  }
  const code = networkCodeOf(error);
  return new BillingProviderUnavailableError(`Paytime unreachable${code ? ` (${code})` : ''}`, {
    cause: error,
    outcomeUnknown: method === 'POST' && !(code && NOT_SENT_CODES.has(code)),
  });
}

function networkCodeOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }
  return undefined;
}

function messageOf(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const message = (json as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.filter((item) => typeof item === 'string').join('; ');
  return undefined;
}

function parseJson(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function ensureTrailingSlash(baseUrl: string): string {
  return baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
}
