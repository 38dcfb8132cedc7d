/**
 * Retry and Catch policies shared by the workflows. Every Task retries transient Lambda/service faults with
 * exponential backoff and full jitter, a bounded number of times, and catches everything else into the
 * workflow's failure path: no Task can end an execution silently.
 */

export const TRANSIENT_LAMBDA_ERRORS = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
  'States.Timeout',
];

export interface RetryRule {
  ErrorEquals: string[];
  IntervalSeconds: number;
  BackoffRate: number;
  MaxAttempts: number;
  MaxDelaySeconds?: number;
  JitterStrategy?: 'FULL' | 'NONE';
}

export function transientRetry(
  extraErrors: string[] = [],
  options: { retryTimeouts?: boolean } = {},
): RetryRule {
  const errors =
    options.retryTimeouts === false
      ? TRANSIENT_LAMBDA_ERRORS.filter((error) => error !== 'States.Timeout')
      : TRANSIENT_LAMBDA_ERRORS;
  return {
    ErrorEquals: [...errors, ...extraErrors],
    IntervalSeconds: 2,
    BackoffRate: 2,
    MaxAttempts: 4,
    MaxDelaySeconds: 30,
    JitterStrategy: 'FULL',
  };
}

export function catchAllTo(next: string, resultPath = '$.error') {
  return [{ ErrorEquals: ['States.ALL'], ResultPath: resultPath, Next: next }];
}
