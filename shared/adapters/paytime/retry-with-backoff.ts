/**
 * Retries with exponential backoff and full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"):
 * before retry n (0-based) wait a uniformly random time in [0, min(maxDelayMs, baseDelayMs × 2^n)).
 * Only for calls that are safe to repeat; the caller says which failures are worth another try.
 */

export interface RetryPolicy {
  /** Retries after the first attempt (0 = a single attempt). */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  /** Uniform in [0, 1). */
  random: () => number;
}

export const sleepFor = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

export function fullJitterDelayMs(
  retryIndex: number,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'random'>,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retryIndex);
  return Math.floor(policy.random() * ceiling);
}

export async function withRetries<T>(
  policy: RetryPolicy,
  isRetryable: (error: unknown) => boolean,
  attempt: (attemptIndex: number) => Promise<T>,
): Promise<T> {
  for (let retryIndex = 0; ; retryIndex += 1) {
    try {
      return await attempt(retryIndex);
    } catch (error) {
      if (retryIndex >= policy.maxRetries || !isRetryable(error)) throw error;
      await policy.sleep(fullJitterDelayMs(retryIndex, policy));
    }
  }
}
