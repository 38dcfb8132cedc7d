import type { CalendarDate } from '#domain/calendar-date';
import type { Cents } from '#domain/money';

/**
 * Port: the payment provider that registers boletos (today Paytime, `shared/adapters/paytime`). Names are
 * provider-neutral; money is integer centavos, dates are São Paulo calendar dates, instants are ISO-8601
 * strings (so a boleto can travel through Step Functions as JSON unchanged).
 *
 * Every method either resolves or rejects with exactly one of the errors below; no HTTP or SDK error type
 * crosses this boundary.
 *
 * ## Creating without duplicates (the provider has no idempotency key)
 * `createBoleto` is a single attempt: an adapter never retries it on its own, because after a timeout or a
 * lost response the boleto may already exist. Callers follow "look before re-creating":
 * 1. Persist the command key (and the instant of the attempt) before calling `createBoleto`.
 * 2. If `createBoleto` rejects with `BillingProviderUnavailableError` and `outcomeUnknown` is true, or if a
 *    previous attempt for the same command key was recorded but its outcome never was, call
 *    `findBoletoByCommandKey` first. Found: use it (no second creation). Not found: create again.
 * `createBoletoLookingFirst` below implements exactly this for one attempt; the caller's retry policy
 * (workflow Retry, queue redelivery) decides when to try again.
 */

export type ProviderBoletoStatus = 'processing' | 'pending' | 'paid' | 'cancelled' | 'expired' | 'failed';

export interface BoletoPayerAddress {
  street: string;
  number: string;
  complement?: string;
  neighborhood: string;
  city: string;
  /** Two-letter UF, e.g. `SP`. */
  state: string;
  /** CEP, digits only. */
  zipCode: string;
}

export interface BoletoPayer {
  name: string;
  /** CPF (11 digits) or CNPJ (14 digits); punctuation is tolerated and stripped by adapters. */
  taxId: string;
  email?: string;
  /** E.164, e.g. `+5511987654321`. */
  phone?: string;
  address?: BoletoPayerAddress;
}

export interface BoletoInstructions {
  /** Late fee (multa) charged once after the due date, in basis points of the amount (200 = 2%). */
  fineBps: number;
  /** Interest (juros) per month after the due date, in basis points (100 = 1% a.m.). */
  monthlyInterestBps: number;
  /** Early-payment discount, in basis points of the amount, valid until `limitDate` (inclusive). */
  discount?: { bps: number; limitDate: CalendarDate };
}

export interface CreateBoletoRequest {
  /** Our business id for this creation (stable across retries and replays). Carried to the provider. */
  commandKey: string;
  amountCents: Cents;
  dueDate: CalendarDate;
  /** Last day the boleto can be paid (on or after `dueDate`). */
  paymentLimitDate: CalendarDate;
  payer: BoletoPayer;
  /** Short text shown on the boleto. */
  description: string;
  instructions: BoletoInstructions;
}

export interface ProviderBoleto {
  providerId: string;
  status: ProviderBoletoStatus;
  /** Face value the payer is asked for (not the provider's net amount after fees). */
  amountCents: Cents;
  /** Provider fees, when reported. */
  feesCents?: Cents;
  paidAmountCents?: Cents;
  /** ISO-8601 instant of the payment. */
  paidAt?: string;
  dueDate: CalendarDate;
  /** 47 digits, no punctuation. Present from `pending` on. */
  digitableLine?: string;
  /** 44 digits. Present from `pending` on. */
  barcode?: string;
  pdfUrl?: string;
  /** Pix "copia e cola" payload, when the provider issues a hybrid boleto. */
  pixEmv?: string;
  /** The reference we embedded at creation (derived from the command key), when the provider kept it. */
  reference?: string;
  description?: string;
  payerTaxId?: string;
  /** ISO-8601 instant the provider recorded the boleto. */
  createdAt?: string;
}

export interface FindBoletoHints {
  amountCents: Cents;
  dueDate: CalendarDate;
  payerTaxId: string;
  /** The boleto, if it exists, was created after this instant (when the command key was persisted). */
  createdAfter: Date;
}

export interface BoletoListFilters {
  status?: ProviderBoletoStatus;
  payerTaxId?: string;
  createdFrom?: Date;
  createdTo?: Date;
}

export interface BoletoPageRequest {
  /** 1-based. */
  page: number;
  /** 1..100. */
  perPage: number;
}

export interface BoletoPage {
  items: ProviderBoleto[];
  page: number;
  perPage: number;
  /** The provider's count for the server-side filters (client-side filters are not reflected). */
  total: number;
  hasMore: boolean;
}

export interface BillingProvider {
  /** One attempt, never retried by the adapter (see the module comment). Resolves usually `processing`. */
  createBoleto(request: CreateBoletoRequest): Promise<ProviderBoleto>;
  /** Rejects with `BoletoNotFoundAtProviderError` when the provider does not know the id. */
  getBoleto(providerId: string): Promise<ProviderBoleto>;
  /** The boleto an earlier `createBoleto` with this command key may have created, or `null`. */
  findBoletoByCommandKey(commandKey: string, hints: FindBoletoHints): Promise<ProviderBoleto | null>;
  /** Newest first. */
  listBoletos(filters: BoletoListFilters, page: BoletoPageRequest): Promise<BoletoPage>;
  /** Idempotent: cancelling an already cancelled boleto resolves with it. */
  cancelBoleto(providerId: string): Promise<ProviderBoleto>;
}

/** Base of every billing provider failure. `retryable` tells the caller's retry policy what to do. */
export abstract class BillingProviderError extends Error {
  abstract readonly retryable: boolean;
}

/** 5xx, 429, timeouts, network failures, unreadable responses: try again later. */
export class BillingProviderUnavailableError extends BillingProviderError {
  readonly retryable = true;
  /** True when a create may have reached the provider (timeout, lost response, 5xx): look before re-creating. */
  readonly outcomeUnknown: boolean;
  readonly httpStatus?: number;

  constructor(
    message: string,
    options: { cause?: unknown; outcomeUnknown?: boolean; httpStatus?: number } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'BillingProviderUnavailableError';
    this.outcomeUnknown = options.outcomeUnknown ?? false;
    this.httpStatus = options.httpStatus;
  }
}

/** A field of `CreateBoletoRequest` the provider refused, in the port's words (`other` when it cannot tell). */
export type RejectedField =
  | 'payer.email'
  | 'payer.taxId'
  | 'payer.phone'
  | 'payer.name'
  | 'payer.address'
  | 'amount'
  | 'dueDate'
  | 'other';

/** The provider refused the request as invalid (4xx validation): retrying the same request cannot help. */
export class BillingProviderRejectedError extends BillingProviderError {
  readonly retryable = false;
  readonly httpStatus?: number;
  /** The provider's own message, for logs (no personal data is added by adapters). */
  readonly providerMessage?: string;
  /** Which fields were refused, when the adapter could read it from the provider's answer (else empty). */
  readonly fields: readonly RejectedField[];

  constructor(
    message: string,
    options: {
      cause?: unknown;
      httpStatus?: number;
      providerMessage?: string;
      fields?: readonly RejectedField[];
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'BillingProviderRejectedError';
    this.httpStatus = options.httpStatus;
    this.providerMessage = options.providerMessage;
    this.fields = options.fields ?? [];
  }
}

/** Credentials refused (even after a fresh login): a person must fix the configuration. */
export class BillingProviderAuthError extends BillingProviderError {
  readonly retryable = false;
  readonly httpStatus?: number;

  constructor(message: string, options: { cause?: unknown; httpStatus?: number } = {}) {
    super(message, { cause: options.cause });
    this.name = 'BillingProviderAuthError';
    this.httpStatus = options.httpStatus;
  }
}

export class BoletoNotFoundAtProviderError extends BillingProviderError {
  readonly retryable = false;

  constructor(
    readonly providerId: string,
    options: { cause?: unknown } = {},
  ) {
    super(`boleto ${providerId} not found at the billing provider`, { cause: options.cause });
    this.name = 'BoletoNotFoundAtProviderError';
  }
}

export interface CreateBoletoOutcome {
  boleto: ProviderBoleto;
  /** False when an earlier attempt had already created it and it was found instead. */
  created: boolean;
}

/**
 * One duplicate-safe creation attempt. `previousAttemptAt` is the instant a previous attempt for the same
 * command key was persisted whose outcome is unknown (undefined on the first attempt); `attemptAt` is the
 * instant this attempt was persisted. Rejects with the provider's error when it could not decide; the
 * caller retries later and passes `previousAttemptAt` then.
 */
export async function createBoletoLookingFirst(
  provider: BillingProvider,
  request: CreateBoletoRequest,
  attempt: { attemptAt: Date; previousAttemptAt?: Date },
): Promise<CreateBoletoOutcome> {
  const hintsSince = (createdAfter: Date): FindBoletoHints => ({
    amountCents: request.amountCents,
    dueDate: request.dueDate,
    payerTaxId: request.payer.taxId,
    createdAfter,
  });
  if (attempt.previousAttemptAt) {
    const existing = await provider.findBoletoByCommandKey(
      request.commandKey,
      hintsSince(attempt.previousAttemptAt),
    );
    if (existing) return { boleto: existing, created: false };
  }
  try {
    return { boleto: await provider.createBoleto(request), created: true };
  } catch (error) {
    if (!(error instanceof BillingProviderUnavailableError) || !error.outcomeUnknown) throw error;
    const since = attempt.previousAttemptAt ?? attempt.attemptAt;
    const existing = await provider.findBoletoByCommandKey(request.commandKey, hintsSince(since));
    if (existing) return { boleto: existing, created: false };
    throw error;
  }
}
