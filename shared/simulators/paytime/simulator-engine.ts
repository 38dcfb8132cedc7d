import type { Clock } from '#application/ports/clock';
import { type IssuingSettings, newProcessingBillet, withPaymentData } from './billet-issuing';
import { BilletStore, type PaytimeBilletStatus, type SimulatedBillet } from './billet-store';
import type { CreateBilletRequest } from './create-billet-request';
import {
  DEFAULT_SIMULATOR_CREDENTIALS,
  type PaytimeSimulatorCredentials,
  SimulatorAuth,
} from './simulator-auth';
import { type PaytimeOperation, SimulatorFaults } from './simulator-faults';
import { type PaytimeWebhookConfig, WebhookDispatcher } from './webhook-dispatcher';

/**
 * The simulator's state and rules, independent of HTTP: billets and their life cycle
 * (PROCESSING → PENDING → PAID / CANCELED / EXPIRED / FAILED), the sandbox amount rules, tokens, faults and
 * the webhooks every status change sends.
 */

export interface PaytimeSimulatorOptions {
  credentials?: Partial<PaytimeSimulatorCredentials>;
  /** Lifetime of issued tokens. Default 3600 s. */
  tokenTtlSeconds?: number;
  /** PROCESSING → PENDING after this delay. Default 100 ms; `null` = only via `completeProcessing`. */
  processingDelayMs?: number | null;
  /** Sandbox rule for R$ 500 or more: PENDING → PAID after this delay. Default 100 ms. */
  paidAfterPendingDelayMs?: number;
  /**
   * Paytime's sandbox amount rules: below R$ 100 stays PROCESSING, R$ 100–499,99 becomes PENDING,
   * R$ 500 or more becomes PENDING then PAID. Off by default (everything becomes PENDING).
   */
  sandboxAmountRules?: boolean;
  webhook?: PaytimeWebhookConfig;
  /** COMPE code in generated barcodes. Default `341`. */
  bankCode?: string;
  /** Fee per billet (`amount` = `original_amount` - fees). Default 250. */
  feesCents?: number;
  establishmentId?: string;
  /** Refuse billets without `client.email` (Paytime's docs list it as required). Default true. */
  requireClientEmail?: boolean;
  clock?: Clock;
}

export interface RequestLogEntry {
  operation: PaytimeOperation | 'unknown';
  method: string;
  path: string;
  /** HTTP status answered, or `lost` / `hung` when a fault ate the answer. */
  outcome: number | 'lost' | 'hung';
  atMs: number;
}

export class BilletTransitionError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'BilletTransitionError';
  }
}

export class PaytimeSimulatorEngine {
  readonly store = new BilletStore();
  readonly faults = new SimulatorFaults();
  readonly auth: SimulatorAuth;
  readonly webhooks: WebhookDispatcher;
  readonly requestLog: RequestLogEntry[] = [];
  sandboxAmountRules: boolean;
  publicUrl = 'http://127.0.0.1';
  private offsetMs = 0;
  private sequence = 0;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly issuing: IssuingSettings;

  constructor(private readonly options: PaytimeSimulatorOptions = {}) {
    this.auth = new SimulatorAuth(
      { ...DEFAULT_SIMULATOR_CREDENTIALS, ...options.credentials },
      options.tokenTtlSeconds ?? 3600,
      () => this.nowMs(),
    );
    this.webhooks = new WebhookDispatcher(options.webhook, this.faults, () => this.nowMs());
    this.sandboxAmountRules = options.sandboxAmountRules ?? false;
    this.issuing = {
      bankCode: options.bankCode ?? '341',
      feesCents: options.feesCents ?? 250,
      establishmentId: options.establishmentId ?? '155085',
      publicUrl: () => this.publicUrl,
    };
  }

  get requireClientEmail(): boolean {
    return this.options.requireClientEmail ?? true;
  }

  nowMs(): number {
    return (this.options.clock ? this.options.clock.now().getTime() : Date.now()) + this.offsetMs;
  }

  advanceClock(ms: number): void {
    this.offsetMs += ms;
  }

  create(request: CreateBilletRequest): SimulatedBillet {
    const billet = newProcessingBillet(request, this.nowMs(), this.issuing);
    this.store.add(billet);
    const delay = this.options.processingDelayMs === undefined ? 100 : this.options.processingDelayMs;
    if (delay !== null) this.later(delay, () => this.completeProcessing(billet._id));
    return clone(billet);
  }

  get(id: string): SimulatedBillet | undefined {
    const billet = this.store.get(id);
    return billet ? clone(billet) : undefined;
  }

  /** PROCESSING → PENDING now (with the sandbox rules, maybe stays PROCESSING or goes on to PAID). */
  completeProcessing(id: string): SimulatedBillet {
    const billet = this.require(id);
    if (billet.status !== 'PROCESSING') return clone(billet);
    if (this.sandboxAmountRules && billet.original_amount < 10_000) return clone(billet);
    this.sequence += 1;
    const pending = this.transition(withPaymentData(billet, this.sequence, this.issuing), 'PENDING');
    if (this.sandboxAmountRules && billet.original_amount >= 50_000) {
      this.later(this.options.paidAfterPendingDelayMs ?? 100, () => this.pay(id));
    }
    return pending;
  }

  /** Marks a PENDING billet paid with `amountCents` (default: the full amount; any positive amount is taken). */
  pay(id: string, amountCents?: number): SimulatedBillet {
    const billet = this.require(id);
    if (billet.status !== 'PENDING') {
      throw new BilletTransitionError(409, `Boleto ${id} está ${billet.status} e não pode ser pago`);
    }
    const paid = amountCents ?? billet.original_amount;
    if (!Number.isSafeInteger(paid) || paid <= 0)
      throw new BilletTransitionError(400, 'amount_cents must be positive');
    billet.paid_amount = paid;
    billet.paid_at = new Date(this.nowMs()).toISOString();
    return this.transition(billet, 'PAID');
  }

  /** DELETE semantics: only PROCESSING or PENDING billets can be cancelled (400 otherwise, as Paytime). */
  cancel(id: string): SimulatedBillet {
    const billet = this.require(id);
    if (billet.status !== 'PROCESSING' && billet.status !== 'PENDING') {
      throw new BilletTransitionError(400, `Boleto não pode ser cancelado (status ${billet.status})`);
    }
    return this.transition(billet, 'CANCELED');
  }

  expire(id: string): SimulatedBillet {
    const billet = this.require(id);
    if (billet.status !== 'PENDING') throw new BilletTransitionError(409, `Boleto ${id} não está PENDING`);
    return this.transition(billet, 'EXPIRED');
  }

  fail(id: string): SimulatedBillet {
    const billet = this.require(id);
    if (billet.status !== 'PROCESSING')
      throw new BilletTransitionError(409, `Boleto ${id} não está PROCESSING`);
    return this.transition(billet, 'FAILED');
  }

  log(entry: Omit<RequestLogEntry, 'atMs'>): void {
    this.requestLog.push({ ...entry, atMs: this.nowMs() });
  }

  settle(): Promise<void> {
    return this.webhooks.settle();
  }

  /** Back to a fresh simulator: no billets, faults, deliveries or tokens; options' rules and webhook. */
  reset(): void {
    this.cancelTimers();
    this.sandboxAmountRules = this.options.sandboxAmountRules ?? false;
    this.webhooks.config = this.options.webhook;
    this.store.clear();
    this.faults.clear();
    this.webhooks.clear();
    this.requestLog.length = 0;
    this.auth.reset();
  }

  cancelTimers(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private transition(billet: SimulatedBillet, status: PaytimeBilletStatus): SimulatedBillet {
    const updated = { ...billet, status, updated_at: new Date(this.nowMs()).toISOString() };
    this.store.add(updated);
    void this.webhooks.billetStatusChanged(clone(updated));
    return clone(updated);
  }

  private require(id: string): SimulatedBillet {
    const billet = this.store.get(id);
    if (!billet) throw new BilletTransitionError(404, 'Recurso não encontrado.');
    return billet;
  }

  private later(ms: number, action: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      try {
        action();
      } catch {
        // The billet moved on meanwhile (cancelled, reset): nothing to do.
      }
    }, ms);
    this.timers.add(timer);
  }
}

function clone(billet: SimulatedBillet): SimulatedBillet {
  return structuredClone(billet);
}
