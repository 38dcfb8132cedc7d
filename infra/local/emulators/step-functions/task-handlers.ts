import { ExecutionError, StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import {
  createLambdaContext,
  invokeLocalHandler,
  type LocalLambdaHandler,
} from '#infra/local/emulators/lambda-context';
import { ClockSleepAbortedError, type VirtualClock } from '#infra/local/emulators/virtual-clock';
import { type LocalObjectReader, runDistributedMap } from './distributed-map';
import type { JsonValue, LocalizedDefinition, LocalTaskState } from './local-definition';
import { StateError } from './state-errors';
import type { TaskTokenRegistry } from './task-tokens';

/**
 * Builds, for one execution, the `taskResourceLocalHandlers` that aws-local-stepfunctions calls instead of AWS:
 * - transformed Wait states sleep on the virtual clock and pass their input through;
 * - Tasks call the mapped local handler with what the Lambda function would receive: the state input for a
 *   function-ARN Resource, `Parameters.Payload` for `arn:aws:states:::lambda:invoke` (whose result is wrapped in
 *   `{ ExecutedVersion, Payload, StatusCode }` as in AWS), the parameters themselves for other service
 *   integrations (the local handler plays the service);
 * - `.waitForTaskToken` Tasks mint a real token, put it where the Context Object placeholder was, call the
 *   handler, then wait for SendTaskSuccess / SendTaskFailure / the virtual-clock timeout.
 * A thrown error keeps its name as the Step Functions Error (for Lambda-backed Tasks the Cause is Lambda's JSON
 * `{ errorType, errorMessage, trace }`), so the definition's Retry and Catch apply.
 */

export type TaskHandlerLookup = (
  task: LocalTaskState,
  functionName: string | undefined,
) => LocalLambdaHandler | undefined;

export interface ExecutionActivity {
  /** The execution waits (virtual-clock sleep or task token): it is idle. */
  park(): void;
  resume(): void;
}

export interface ExecutionRuntime {
  executionArn: string;
  clock: VirtualClock;
  tokens: TaskTokenRegistry;
  signal: AbortSignal;
  /** Stands for `$$.Task.Token` in the Context Object; replaced by a freshly minted token per Task run. */
  tokenPlaceholder: string;
  activity: ExecutionActivity;
  region: string;
  accountId: string;
  /** The local S3, for Distributed Maps' ItemReader. */
  readObject?: LocalObjectReader;
  /** The machine's retry pauses, applied to Distributed Map children too. */
  retryIntervalOverrides?: Record<string, number>;
  /** What the Task functions' Lambda context reports as their timeout (default 30 s). */
  functionTimeoutMs?: number;
}

type LocalOverride = (input: JsonValue) => Promise<JsonValue>;

export function buildTaskOverrides(
  localized: LocalizedDefinition,
  lookup: TaskHandlerLookup,
  runtime: ExecutionRuntime,
): Record<string, LocalOverride> {
  const overrides: Record<string, LocalOverride> = {};
  for (const stateName of localized.waitStates) {
    overrides[stateName] = (input) => virtualWait(input, runtime);
  }
  for (const [stateName, task] of localized.taskStates) {
    overrides[stateName] = (input) => runTask(task, input, lookup, runtime);
  }
  for (const [stateName, map] of localized.distributedMaps) {
    const children = new StateMachine(map.itemProcessor as StateMachineDefinition, {
      validationOptions: { noValidate: true },
    });
    const runChild = async (input: JsonValue): Promise<JsonValue> => {
      const run = children.run(input, {
        overrides: {
          taskResourceLocalHandlers: overrides,
          ...(runtime.retryIntervalOverrides && { retryIntervalOverrides: runtime.retryIntervalOverrides }),
        },
      });
      const stop = () => run.abort();
      runtime.signal.addEventListener('abort', stop, { once: true });
      try {
        return toJson(await run.result);
      } catch (error) {
        throw error instanceof ExecutionError && error.cause instanceof Error ? error.cause : error;
      } finally {
        runtime.signal.removeEventListener('abort', stop);
      }
    };
    overrides[stateName] = async (input) =>
      runDistributedMap(map, input, {
        runChild,
        ...(runtime.readObject && { readObject: runtime.readObject }),
      });
  }
  return overrides;
}

async function virtualWait(input: JsonValue, runtime: ExecutionRuntime): Promise<JsonValue> {
  const { input: passThrough = null, wait } = (input ?? {}) as {
    input?: JsonValue;
    wait?: Record<string, unknown>;
  };
  const deadline = waitDeadline(wait ?? {}, runtime.clock.nowMs());
  runtime.activity.park();
  try {
    await runtime.clock.sleepUntil(deadline, runtime.signal);
  } catch (error) {
    if (error instanceof ClockSleepAbortedError) throw StateError.abortedExecution();
    throw error;
  } finally {
    runtime.activity.resume();
  }
  return passThrough;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function waitDeadline(wait: Record<string, unknown>, nowMs: number): number {
  if ('seconds' in wait) {
    const seconds = wait.seconds;
    if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) {
      throw StateError.runtime(`Wait seconds must be a non-negative integer, got ${JSON.stringify(seconds)}`);
    }
    return nowMs + seconds * 1000;
  }
  const timestamp = wait.timestamp;
  if (typeof timestamp !== 'string' || !RFC3339.test(timestamp) || Number.isNaN(Date.parse(timestamp))) {
    throw StateError.runtime(
      `Wait timestamp must be an RFC 3339 timestamp, got ${JSON.stringify(timestamp)}`,
    );
  }
  return Date.parse(timestamp);
}

async function runTask(
  task: LocalTaskState,
  input: JsonValue,
  lookup: TaskHandlerLookup,
  runtime: ExecutionRuntime,
): Promise<JsonValue> {
  const parameters = (input ?? {}) as Record<string, JsonValue>;
  const event = task.kind === 'lambda-invoke' ? (parameters.Payload ?? {}) : input;
  const functionName =
    task.kind === 'lambda-invoke' && typeof parameters.FunctionName === 'string'
      ? parameters.FunctionName
      : task.functionName;
  const handler = lookup(task, functionName);
  if (!handler) {
    throw new StateError(
      'States.TaskFailed',
      `No local handler for Task "${task.stateName}" (${functionName ?? task.resource})`,
    );
  }
  const context = createLambdaContext({
    functionName: functionName ?? task.stateName,
    region: runtime.region,
    accountId: runtime.accountId,
    ...(runtime.functionTimeoutMs !== undefined && { timeoutMs: runtime.functionTimeoutMs }),
  });
  const call = async (payload: JsonValue): Promise<JsonValue> => {
    try {
      return toJson(await invokeLocalHandler(handler, toJson(payload), context));
    } catch (error) {
      if (error instanceof StateError) throw error;
      if (task.kind === 'service') throw new StateError(errorName(error), errorMessage(error));
      throw StateError.fromLambdaError(error);
    }
  };

  if (!task.waitForTaskToken) {
    const output = await call(event);
    return task.kind === 'lambda-invoke'
      ? { ExecutedVersion: '$LATEST', Payload: output, StatusCode: 200 }
      : output;
  }

  const open = runtime.tokens.open({
    executionArn: runtime.executionArn,
    stateName: task.stateName,
    signal: runtime.signal,
    ...(task.timeoutSeconds !== undefined && { timeoutSeconds: task.timeoutSeconds }),
    ...(task.heartbeatSeconds !== undefined && { heartbeatSeconds: task.heartbeatSeconds }),
  });
  try {
    await call(replaceToken(event, runtime.tokenPlaceholder, open.token));
  } catch (error) {
    open.close();
    throw error;
  }
  runtime.activity.park();
  try {
    return toJson(await open.result);
  } finally {
    runtime.activity.resume();
  }
}

function replaceToken(value: JsonValue, placeholder: string, token: string): JsonValue {
  if (typeof value === 'string') return value.replaceAll(placeholder, token);
  if (Array.isArray(value)) return value.map((item) => replaceToken(item, placeholder, token));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, replaceToken(item, placeholder, token)]),
    );
  }
  return value;
}

/** Lambda results and events cross a JSON boundary in AWS: Dates become strings, undefined becomes null. */
function toJson(value: unknown): JsonValue {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as JsonValue);
}

function errorName(error: unknown): string {
  return error instanceof Error && error.name ? error.name : 'Error';
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
