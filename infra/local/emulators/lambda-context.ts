import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';

/**
 * The local cloud invokes production Lambda handlers in-process; they get the same `(event, context)` pair as
 * in AWS. This builds a plausible Lambda `Context` for one invocation.
 */

export type LocalLambdaHandler<TEvent = unknown, TResult = unknown> = (
  event: TEvent,
  context: Context,
) => Promise<TResult> | TResult;

export interface LambdaContextOptions {
  functionName: string;
  region?: string;
  accountId?: string;
  /** Budget reported by getRemainingTimeInMillis (default 30 s). */
  timeoutMs?: number;
}

export function functionNameOf(functionNameOrArn: string): string {
  const match = /^arn:aws[\w-]*:lambda:[^:]*:[^:]*:function:([^:]+)/.exec(functionNameOrArn);
  return match?.[1] ?? functionNameOrArn;
}

export function createLambdaContext(options: LambdaContextOptions): Context {
  const functionName = functionNameOf(options.functionName);
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '000000000000';
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  const unsupported = () => {
    throw new Error('Callback-style Lambda context methods are not supported locally');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:${accountId}:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `local/[$LATEST]${randomUUID().replaceAll('-', '')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}
