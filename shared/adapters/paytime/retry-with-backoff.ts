import { ExponentialBackoff, fullJitterGenerator, handleWhen, type RetryPolicy, retry } from 'cockatiel';

/**
 * Retries with exponential backoff and full jitter (cockatiel's `fullJitterGenerator`, as in the AWS Architecture
 * Blog's "Exponential Backoff And Jitter"): before retry n (0-based) a uniformly random wait in
 * [0, min(maxDelayMs, baseDelayMs × 2^n)). Only errors `isTransient` accepts are retried; any other is thrown at
 * once. Only for calls that are safe to repeat (reads, lists, DELETE, login): a create never goes through it.
 */
export interface RetrySettings {
  /** Retries after the first attempt (0 = a single attempt). */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export function transientRetry(settings: RetrySettings, isTransient: (error: Error) => boolean): RetryPolicy {
  return retry(handleWhen(isTransient), {
    maxAttempts: settings.maxRetries,
    backoff: new ExponentialBackoff({
      initialDelay: settings.baseDelayMs,
      maxDelay: settings.maxDelayMs,
      generator: fullJitterGenerator,
    }),
  });
}
