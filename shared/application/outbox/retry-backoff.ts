/**
 * How long a message waits before its next attempt after a retryable failure: exponential in the number of
 * times SQS has delivered it (`ApproximateReceiveCount`), capped, with "equal jitter" (half fixed, half
 * random) so a burst of throttled messages does not come back in lock-step.
 */
export interface BackoffSettings {
  baseSeconds: number;
  maxSeconds: number;
}

/** SQS accepts visibility timeouts up to 12 hours. */
export const MAX_VISIBILITY_SECONDS = 43_200;

export function retryDelaySeconds(
  receiveCount: number,
  settings: BackoffSettings,
  options: { retryAfterSeconds?: number; random?: () => number } = {},
): number {
  const exponent = Math.max(0, Math.min(receiveCount, 30) - 1);
  const ceiling = Math.min(settings.maxSeconds, settings.baseSeconds * 2 ** exponent);
  const random = options.random ?? Math.random;
  const jittered = Math.ceil(ceiling / 2 + random() * (ceiling / 2));
  const atLeast = Math.max(jittered, Math.ceil(options.retryAfterSeconds ?? 0));
  return Math.min(MAX_VISIBILITY_SECONDS, Math.max(1, atLeast));
}
