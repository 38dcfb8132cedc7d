import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Callback, Context } from 'aws-lambda';

/**
 * The local cloud invokes production Lambda handlers in-process; they get the same `(event, context)` pair as
 * in AWS. This builds a plausible Lambda `Context` for one invocation.
 */

/**
 * A Lambda handler as the local cloud calls it: `(event, context)`, result awaited (callback style is not
 * supported). Declared through a method so its parameters are bivariant: a production handler typed for its own
 * event (or a middy-wrapped one) can be registered where the event type is not known statically.
 */
export type LocalLambdaHandler<TEvent = unknown> = {
  handle(event: TEvent, context: Context, callback: Callback): unknown;
}['handle'];

/**
 * Invocations per function name since the process started, and the function an async call runs on behalf of:
 * what `npm run bench` reads to count Lambda invocations and attribute DynamoDB capacity per function.
 */
export const localInvocationCounts = new Map<string, number>();
/** Milliseconds spent in each function's invocations (local wall time). */
export const localInvocationMs = new Map<string, number>();
export const localInvocationScope = new AsyncLocalStorage<string>();

/** Calls a handler the way the Lambda runtime does for async handlers. */
export async function invokeLocalHandler<TEvent>(
  handler: LocalLambdaHandler<TEvent>,
  event: TEvent,
  context: Context,
): Promise<unknown> {
  const callback: Callback = () => {
    throw new Error('Callback-style Lambda handlers are not supported locally; return a promise');
  };
  const name = context.functionName;
  localInvocationCounts.set(name, (localInvocationCounts.get(name) ?? 0) + 1);
  const started = performance.now();
  try {
    return await localInvocationScope.run(name, async () => await handler(event, context, callback));
  } finally {
    localInvocationMs.set(name, (localInvocationMs.get(name) ?? 0) + performance.now() - started);
  }
}

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
