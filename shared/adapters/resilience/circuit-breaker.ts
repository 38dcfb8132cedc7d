import type { Clock } from '#application/ports/clock';

/**
 * A consecutive-failures circuit breaker for one provider (one instance per adapter, so per Lambda container).
 *
 * - closed: calls pass; `failureThreshold` consecutive failures (as `isFailure` judges them), the first of them at
 *   least `minFailingMs` ago, open it. The span keeps one overloaded moment (a burst of concurrent timeouts that
 *   the callers' own retries would absorb) from becoming 30 s of refusals; a real outage lasts longer.
 * - open: calls fail at once with `openError()` for `openMs`, without touching the provider.
 * - half-open (after `openMs`): one trial call passes, the others still fail fast; its success closes the
 *   circuit, its failure opens it again for another `openMs`.
 *
 * Time comes from the `Clock` port, so the local cloud's virtual clock (and tests) move it. Hand-written rather
 * than cockatiel's `CircuitBreakerPolicy` because that one reads `Date.now()` (see docs/decisions.md).
 */

export interface CircuitBreakerOptions {
  failureThreshold: number;
  /** How long the provider must have been failing (since the first of the consecutive failures) to open. */
  minFailingMs: number;
  openMs: number;
  clock: Clock;
  /** Which errors count as the provider failing (timeouts, 5xx); anything else is the caller's problem. */
  isFailure: (error: unknown) => boolean;
  /** The error thrown while open (a fast failure: nothing was sent). */
  openError: () => Error;
}

export type CircuitState = 'closed' | 'open' | 'half_open';

export class CircuitBreaker {
  private consecutiveFailures = 0;
  private failingSince: number | undefined;
  private openedAt: number | undefined;
  private trialInFlight = false;

  constructor(private readonly options: CircuitBreakerOptions) {}

  get state(): CircuitState {
    if (this.openedAt === undefined) return 'closed';
    return this.options.clock.now().getTime() - this.openedAt >= this.options.openMs ? 'half_open' : 'open';
  }

  /**
   * Runs `call` unless the circuit is open. `isFailedResult` lets a call that resolves still count as a
   * provider failure (an HTTP 503 answer is a value, not an exception, at the transport level).
   */
  async execute<T>(call: () => Promise<T>, isFailedResult: (result: T) => boolean = () => false): Promise<T> {
    const state = this.state;
    if (state === 'open' || (state === 'half_open' && this.trialInFlight)) throw this.options.openError();
    const trial = state === 'half_open';
    if (trial) this.trialInFlight = true;
    try {
      const result = await call();
      this.record(isFailedResult(result), trial);
      return result;
    } catch (error) {
      this.record(this.options.isFailure(error), trial);
      throw error;
    } finally {
      if (trial) this.trialInFlight = false;
    }
  }

  private record(failed: boolean, trial: boolean): void {
    if (!failed) {
      // The provider answered (even a 4xx is an answer): it is up.
      this.consecutiveFailures = 0;
      this.failingSince = undefined;
      this.openedAt = undefined;
      return;
    }
    const now = this.options.clock.now().getTime();
    this.consecutiveFailures += 1;
    this.failingSince ??= now;
    const failingLongEnough = now - this.failingSince >= this.options.minFailingMs;
    if (trial || (this.consecutiveFailures >= this.options.failureThreshold && failingLongEnough)) {
      this.openedAt = now;
    }
  }
}
