import type { RetryPolicy } from 'cockatiel';
import { CircuitBreaker } from '#adapters/resilience/circuit-breaker';
import {
  type BillingProvider,
  BillingProviderRejectedError,
  BillingProviderUnavailableError,
  type BoletoListFilters,
  BoletoNotFoundAtProviderError,
  type BoletoPage,
  type BoletoPageRequest,
  type CreateBoletoRequest,
  type FindBoletoHints,
  type ProviderBoleto,
} from '#application/ports/billing-provider';
import type { Clock } from '#application/ports/clock';
import { createdAtMs, matchCreatedBoleto } from './created-boleto-match';
import { parseBillet, parseBilletPage, paytimeStatusOf } from './paytime-billet';
import { normalizeDocument, toBilletBody } from './paytime-create-body';
import {
  errorForReply,
  type FetchFunction,
  isSuccess,
  type PaytimeExchange,
  PaytimeHttp,
  type PaytimeReply,
} from './paytime-http';
import { referenceOf } from './paytime-reference';
import { PaytimeSession } from './paytime-session';
import { transientRetry } from './retry-with-backoff';

/**
 * `BillingProvider` over Paytime's partner API (contract and assumptions: docs/paytime.md).
 *
 * - Every call has a timeout (`timeoutMs`, body included) and carries `integration-key`, `x-token` and the
 *   cached Bearer token; a 401 drops the token, logs in again and repeats the call once.
 * - GET, list and DELETE are retried on `BillingProviderUnavailableError` (5xx, 429, timeouts, network) with
 *   exponential backoff and full jitter, `maxRetries` times.
 * - `createBoleto` is one attempt. After a timeout, a lost response or a 5xx its error says
 *   `outcomeUnknown: true`, and the caller looks with `findBoletoByCommandKey` before creating again
 *   (`createBoletoLookingFirst` in the port does it).
 */

export interface PaytimeBillingProviderOptions {
  baseUrl: string;
  integrationKey: string;
  authenticationKey: string;
  xToken: string;
  /** Per HTTP exchange. Default 10 s. */
  timeoutMs?: number;
  /** Retries of idempotent calls after the first attempt. Default 3. */
  maxRetries?: number;
  fetch?: FetchFunction;
  clock?: Clock;
  /** Sent as the `establishment_id` header when the credentials serve several establishments. */
  establishmentId?: string;
  /** E-mail sent for payers without one (Paytime's samples always have one). */
  defaultPayerEmail?: string;
  retryBaseDelayMs?: number;
  retryMaxDelayMs?: number;
  /** Log in again this long before the token expires. Default 60 s. */
  tokenRefreshMarginMs?: number;
  /** Assumed token lifetime when the login response does not tell. Default 10 min. */
  defaultTokenTtlMs?: number;
  /** Pages of 100 that `findBoletoByCommandKey` reads at most. Default 5. */
  findMaxPages?: number;
  /** Tolerance between our clock and Paytime's when comparing `createdAfter`. Default 10 min. */
  findClockSkewMs?: number;
  /**
   * Consecutive provider failures (5xx, 429, timeouts, network) that open the circuit, for how long they must
   * have been failing, and how long it stays open before one trial call. Defaults 5, 5 s and 30 s. While open
   * every call fails at once, unsent.
   */
  circuitBreaker?: { failureThreshold?: number; minFailingMs?: number; openMs?: number };
}

const MAX_PER_PAGE = 100;
const NEWEST_FIRST = JSON.stringify([{ column: 'created_at', direction: 'DESC' }]);
const BILLETS = 'v1/marketplace/billets';

export class PaytimeBillingProvider implements BillingProvider {
  private readonly http: PaytimeHttp;
  private readonly session: PaytimeSession;
  private readonly retry: RetryPolicy;
  private readonly findMaxPages: number;
  private readonly findClockSkewMs: number;
  private readonly breaker: CircuitBreaker;

  constructor(private readonly options: PaytimeBillingProviderOptions) {
    this.http = new PaytimeHttp({
      baseUrl: options.baseUrl,
      fetch: options.fetch ?? ((input, init) => fetch(input, init)),
      timeoutMs: options.timeoutMs ?? 10_000,
    });
    this.retry = transientRetry(
      {
        maxRetries: options.maxRetries ?? 3,
        baseDelayMs: options.retryBaseDelayMs ?? 200,
        maxDelayMs: options.retryMaxDelayMs ?? 5_000,
      },
      (error) => error instanceof BillingProviderUnavailableError,
    );
    this.session = new PaytimeSession(
      this.http,
      options,
      options.clock ?? { now: () => new Date() },
      this.retry,
      {
        refreshMarginMs: options.tokenRefreshMarginMs ?? 60_000,
        defaultTokenTtlMs: options.defaultTokenTtlMs ?? 10 * 60_000,
      },
    );
    this.findMaxPages = options.findMaxPages ?? 5;
    this.findClockSkewMs = options.findClockSkewMs ?? 10 * 60_000;
    this.breaker = new CircuitBreaker({
      failureThreshold: options.circuitBreaker?.failureThreshold ?? 5,
      minFailingMs: options.circuitBreaker?.minFailingMs ?? 5_000,
      openMs: options.circuitBreaker?.openMs ?? 30_000,
      clock: options.clock ?? { now: () => new Date() },
      isFailure: (error) => error instanceof BillingProviderUnavailableError,
      openError: () =>
        new BillingProviderUnavailableError('Paytime is failing: circuit open, call not sent', {
          outcomeUnknown: false,
        }),
    });
  }

  async createBoleto(request: CreateBoletoRequest): Promise<ProviderBoleto> {
    const body = toBilletBody(request, { defaultPayerEmail: this.options.defaultPayerEmail });
    const reply = await this.authorized({ method: 'POST', path: BILLETS, body });
    if (!isSuccess(reply)) throw errorForReply(reply, 'POST', 'create billet');
    try {
      return parseBillet(reply.json);
    } catch (error) {
      // Paytime said yes but we cannot read what it created: the boleto exists, so look before re-creating.
      throw new BillingProviderUnavailableError('Paytime created a billet but its answer was unreadable', {
        cause: error,
        outcomeUnknown: true,
        httpStatus: reply.status,
      });
    }
  }

  getBoleto(providerId: string): Promise<ProviderBoleto> {
    return this.retrying(async () => {
      const reply = await this.authorized({ method: 'GET', path: billetPath(providerId) });
      if (reply.status === 404) throw new BoletoNotFoundAtProviderError(providerId);
      if (!isSuccess(reply)) throw errorForReply(reply, 'GET', 'get billet');
      return parseBillet(reply.json);
    });
  }

  async listBoletos(filters: BoletoListFilters, page: BoletoPageRequest): Promise<BoletoPage> {
    if (!Number.isSafeInteger(page.page) || page.page < 1)
      throw new BillingProviderRejectedError('page must be 1 or more');
    if (!Number.isSafeInteger(page.perPage) || page.perPage < 1 || page.perPage > MAX_PER_PAGE) {
      throw new BillingProviderRejectedError(`perPage must be 1..${MAX_PER_PAGE}`);
    }
    const query: Record<string, string> = {
      page: String(page.page),
      perPage: String(page.perPage),
      sorters: NEWEST_FIRST,
    };
    if (filters.status) query.filters = JSON.stringify({ status: paytimeStatusOf(filters.status) });
    const document = filters.payerTaxId ? normalizeDocument(filters.payerTaxId) : undefined;
    if (document) query.search = document;
    const result = await this.retrying(async () => {
      const reply = await this.authorized({ method: 'GET', path: BILLETS, query });
      if (!isSuccess(reply)) throw errorForReply(reply, 'GET', 'list billets');
      return parseBilletPage(reply.json, page);
    });
    // Paytime documents no created-at filter and searches documents loosely: both are applied here.
    const from = filters.createdFrom?.getTime() ?? Number.NEGATIVE_INFINITY;
    const to = filters.createdTo?.getTime() ?? Number.POSITIVE_INFINITY;
    const items = result.items.filter((boleto) => {
      if (document && (!boleto.payerTaxId || normalizeDocument(boleto.payerTaxId) !== document)) return false;
      if (!filters.createdFrom && !filters.createdTo) return true;
      const at = createdAtMs(boleto);
      return Number.isFinite(at) && at >= from && at <= to;
    });
    return { ...result, items };
  }

  async findBoletoByCommandKey(commandKey: string, hints: FindBoletoHints): Promise<ProviderBoleto | null> {
    const reference = referenceOf(commandKey);
    const notBefore = hints.createdAfter.getTime() - this.findClockSkewMs;
    const candidates: ProviderBoleto[] = [];
    for (let pageNumber = 1; pageNumber <= this.findMaxPages; pageNumber += 1) {
      const page = await this.listBoletos(
        { payerTaxId: hints.payerTaxId },
        { page: pageNumber, perPage: MAX_PER_PAGE },
      );
      candidates.push(...page.items);
      if (page.items.some((boleto) => boleto.reference === reference)) break;
      // Newest first: once a whole page predates the window, older pages cannot hold our boleto.
      const allOlder = page.items.length > 0 && page.items.every((boleto) => createdAtMs(boleto) < notBefore);
      if (!page.hasMore || allOlder) break;
    }
    return matchCreatedBoleto(candidates, reference, hints, this.findClockSkewMs);
  }

  cancelBoleto(providerId: string): Promise<ProviderBoleto> {
    return this.retrying(async () => {
      const reply = await this.authorized({ method: 'DELETE', path: billetPath(providerId) });
      if (reply.status === 404) throw new BoletoNotFoundAtProviderError(providerId);
      if (isSuccess(reply)) {
        const cancelled = tryParseBillet(reply.json);
        return cancelled ?? this.getBoleto(providerId);
      }
      const error = errorForReply(reply, 'DELETE', 'cancel billet');
      if (error.retryable) throw error;
      // Already cancelled (e.g. our earlier DELETE whose answer was lost) counts as success.
      const current = await this.getBoleto(providerId);
      if (current.status === 'cancelled') return current;
      throw error;
    });
  }

  /**
   * One exchange with the Bearer token; on 401 a fresh login and one more exchange. Behind the circuit breaker:
   * a 5xx/429/408 answer or a transport failure counts against Paytime; while the circuit is open nothing is sent.
   */
  private authorized(call: Omit<PaytimeExchange, 'headers'>): Promise<PaytimeReply> {
    return this.breaker.execute(() => this.exchangeWithToken(call), isProviderFault);
  }

  private async exchangeWithToken(call: Omit<PaytimeExchange, 'headers'>): Promise<PaytimeReply> {
    const token = await this.session.token();
    const reply = await this.http.exchange({ ...call, headers: this.headersWith(token) });
    if (reply.status !== 401) return reply;
    this.session.invalidate(token);
    const fresh = await this.session.token();
    return this.http.exchange({ ...call, headers: this.headersWith(fresh) });
  }

  private headersWith(token: string): Record<string, string> {
    const headers: Record<string, string> = {
      ...this.session.credentialHeaders(),
      authorization: `Bearer ${token}`,
    };
    if (this.options.establishmentId) headers.establishment_id = this.options.establishmentId;
    return headers;
  }

  private retrying<T>(attempt: () => Promise<T>): Promise<T> {
    return this.retry.execute(attempt);
  }
}

function isProviderFault(reply: PaytimeReply): boolean {
  return reply.status === 408 || reply.status === 429 || reply.status >= 500;
}

function billetPath(providerId: string): string {
  if (!providerId.trim()) throw new BillingProviderRejectedError('providerId is empty');
  return `${BILLETS}/${encodeURIComponent(providerId)}`;
}

function tryParseBillet(json: unknown): ProviderBoleto | undefined {
  try {
    return parseBillet(json);
  } catch {
    return undefined;
  }
}
