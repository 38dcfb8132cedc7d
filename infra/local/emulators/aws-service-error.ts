/**
 * An error an emulated AWS service answers with. `code` is the AWS error code the SDK turns into its typed
 * exception (`__type` on the wire, e.g. `ExecutionAlreadyExists`, `QueueDoesNotExist`).
 */
export interface AwsServiceErrorOptions {
  /** HTTP status (default 400). */
  status?: number;
  /** For query-compatible JSON services (SQS): the legacy code sent in `x-amzn-query-error`. */
  queryErrorCode?: string;
  cause?: unknown;
}

export class AwsServiceError extends Error {
  readonly code: string;
  readonly status: number;
  readonly queryErrorCode: string | undefined;

  constructor(code: string, message: string, options: AwsServiceErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'AwsServiceError';
    this.code = code;
    this.status = options.status ?? 400;
    this.queryErrorCode = options.queryErrorCode;
  }
}
