/**
 * Errors thrown from local Task handlers into aws-local-stepfunctions. The library matches `Retry`/`Catch`
 * `ErrorEquals` against `error.name` and reports `error.message` as the `Cause`, so `name` is the Step Functions
 * Error and `message` its Cause. `isRetryable`/`isCatchable` are read by the library: `States.Runtime`-like
 * failures (bad Wait input, a stopped execution) can be neither retried nor caught, as in AWS.
 */
export class StateError extends Error {
  private readonly retryable: boolean;
  private readonly catchable: boolean;

  constructor(error: string, cause: string, options: { retryable?: boolean; catchable?: boolean } = {}) {
    super(cause);
    this.name = error;
    this.retryable = options.retryable ?? true;
    this.catchable = options.catchable ?? true;
  }

  get isRetryable(): boolean {
    return this.retryable;
  }

  get isCatchable(): boolean {
    return this.catchable;
  }

  static runtime(cause: string): StateError {
    return new StateError('States.Runtime', cause, { retryable: false, catchable: false });
  }

  static abortedExecution(): StateError {
    return new StateError('States.Aborted', 'The execution was stopped', {
      retryable: false,
      catchable: false,
    });
  }

  /** What a Lambda-backed Task reports when the function throws: Error = errorType, Cause = the JSON payload. */
  static fromLambdaError(thrown: unknown): StateError {
    const errorType = thrown instanceof Error && thrown.name ? thrown.name : 'Error';
    const errorMessage = thrown instanceof Error ? thrown.message : String(thrown);
    const trace = thrown instanceof Error && thrown.stack ? thrown.stack.split('\n') : [];
    return new StateError(errorType, JSON.stringify({ errorType, errorMessage, trace }));
  }
}
