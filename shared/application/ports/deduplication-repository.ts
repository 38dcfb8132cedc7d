/**
 * Short-lived "seen it" records (an inbound WhatsApp message id, a webhook delivery) that expire by TTL.
 * A window, not a guarantee: money effects rest on permanent guards (payments, boleto command keys).
 */
export interface DeduplicationRepository {
  /**
   * Records `key` in `scope` for `ttlSeconds` from `now`. Resolves true the first time, false while an unexpired
   * record exists (the caller then skips the work).
   */
  claim(
    tenantId: string,
    scope: string,
    key: string,
    options: { now: Date; ttlSeconds: number },
  ): Promise<boolean>;
}
