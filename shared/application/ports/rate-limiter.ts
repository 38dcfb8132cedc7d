/** A request counted against its caller's limit, or refused with when to try again (whole seconds, ≥ 1). */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Per-caller request limits (the tenant API: per member). One call counts one request. */
export interface RateLimiter {
  take(callerKey: string, now: Date): Promise<RateDecision>;
}
