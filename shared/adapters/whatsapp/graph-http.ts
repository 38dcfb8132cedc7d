import { WhatsAppPermanentError, WhatsAppRetryableError } from '#application/ports/message-sender';
import { classifyMetaError } from '#webhooks/whatsapp/meta-error-codes';

/**
 * One HTTP exchange with Meta's Graph API: timeout, bearer token, and the translation of every failure
 * into `WhatsAppRetryableError` / `WhatsAppPermanentError`. No retries here: the delivery queue retries.
 */

export type FetchFunction = typeof fetch;

export interface GraphCall {
  fetch: FetchFunction;
  url: string;
  accessToken: string;
  timeoutMs: number;
  method: 'GET' | 'POST';
  jsonBody?: unknown;
}

export interface GraphResponse {
  status: number;
  headers: Headers;
  bytes: Uint8Array;
}

/** Network errors that prove the request never left: retrying cannot duplicate anything. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Performs the call and reads the whole body within the timeout; throws mapped errors on non-2xx. */
export async function callGraph(call: GraphCall): Promise<GraphResponse> {
  const headers: Record<string, string> = { authorization: `Bearer ${call.accessToken}` };
  if (call.jsonBody !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  let bytes: Uint8Array;
  try {
    response = await call.fetch(call.url, {
      method: call.method,
      headers,
      body: call.jsonBody === undefined ? undefined : JSON.stringify(call.jsonBody),
      signal: AbortSignal.timeout(call.timeoutMs),
    });
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    throw transportError(error, call);
  }
  if (response.status < 200 || response.status > 299) throw httpError(response, bytes);
  return { status: response.status, headers: response.headers, bytes };
}

export function jsonOf(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
}

function transportError(error: unknown, call: GraphCall): WhatsAppRetryableError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new WhatsAppRetryableError(`WhatsApp Cloud API did not answer within ${call.timeoutMs} ms`, {
      cause: error,
      outcomeUnknown: call.method === 'POST',
    });
  }
  const code = networkCodeOf(error);
  return new WhatsAppRetryableError(`WhatsApp Cloud API unreachable${code ? ` (${code})` : ''}`, {
    cause: error,
    outcomeUnknown: call.method === 'POST' && !(code && NOT_SENT_CODES.has(code)),
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

interface GraphErrorBody {
  message?: string;
  code?: number;
  fbtrace_id?: string;
  error_data?: { details?: string };
}

function httpError(response: Response, bytes: Uint8Array): WhatsAppRetryableError | WhatsAppPermanentError {
  const body = jsonOf(bytes) as { error?: GraphErrorBody } | undefined;
  const graphError = typeof body?.error === 'object' && body.error !== null ? body.error : {};
  const metaCode = typeof graphError.code === 'number' ? graphError.code : undefined;
  const fbtraceId = typeof graphError.fbtrace_id === 'string' ? graphError.fbtrace_id : undefined;
  const details = graphError.error_data?.details;
  const summary = [
    `WhatsApp Cloud API answered ${response.status}`,
    metaCode === undefined ? undefined : `code ${metaCode}`,
    graphError.message,
    typeof details === 'string' ? details : undefined,
  ]
    .filter(Boolean)
    .join(': ');
  const classification = classifyMetaError({ metaCode, httpStatus: response.status });
  if (classification.kind === 'retryable') {
    return new WhatsAppRetryableError(summary, {
      metaCode,
      httpStatus: response.status,
      fbtraceId,
      retryAfterSeconds: retryAfterOf(response.headers),
      outcomeUnknown: response.status === 504,
    });
  }
  return new WhatsAppPermanentError(classification.reason, summary, {
    metaCode,
    httpStatus: response.status,
    fbtraceId,
  });
}

/** `Retry-After` as seconds (delta-seconds or an HTTP date); undefined when absent or unreadable. */
export function retryAfterOf(headers: Headers, nowMs: number = Date.now()): number | undefined {
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - nowMs) / 1000));
}
