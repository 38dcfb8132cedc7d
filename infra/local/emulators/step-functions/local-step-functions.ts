import './promise-with-resolvers';
import { randomUUID } from 'node:crypto';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { AwsServiceError } from '#infra/local/emulators/aws-service-error';
import { functionNameOf, type LocalLambdaHandler } from '#infra/local/emulators/lambda-context';
import type { VirtualClock } from '#infra/local/emulators/virtual-clock';
import type { LocalObjectReader } from './distributed-map';
import {
  type LocalizedDefinition,
  type LocalTaskState,
  localizeDefinition,
  type MachineDefinition,
  substituteDefinition,
} from './local-definition';
import {
  type EventLog,
  type ExecutionDescription,
  type ExecutionStatus,
  LocalExecution,
} from './local-execution';
import { buildTaskOverrides } from './task-handlers';
import { type TaskTokenInfo, TaskTokenRegistry } from './task-tokens';

/**
 * A local Step Functions (Standard) service: the state machines the stack deploys, run by aws-local-stepfunctions
 * with every Task mapped to a local handler, Wait states on the virtual clock, task tokens, and the StartExecution
 * name rules of AWS: a name is unique per state machine; the same name and the same input while that execution
 * runs returns it again (idempotent start); a different input, or a name whose execution has closed (within the
 * retention period, 90 days of virtual time), is ExecutionAlreadyExists.
 */

export interface LocalStepFunctionsOptions {
  clock: VirtualClock;
  region?: string;
  accountId?: string;
  /** Pause before each retry, in real ms, replacing IntervalSeconds/BackoffRate/jitter locally (default 10). */
  retryIntervalMs?: number;
  /** How long a closed execution's name stays taken, in virtual days (default 90, as AWS). */
  retentionDays?: number;
  /** Engine events kept per execution for inspection (default 500; counters count them all). */
  maxEventsKept?: number;
  /** Register `idle()` as an idle hook of the clock, so an advance waits for executions to park (default true). */
  settleClockAdvances?: boolean;
  /** The local S3, read by Distributed Maps' ItemReader (without it such a Map fails with States.ItemReaderFailed). */
  readObject?: LocalObjectReader;
}

export interface StateMachineRegistration {
  arn: string;
  /** Defaults to the name in the ARN. */
  name?: string;
  /** The ASL definition exactly as the stack synthesizes it. */
  definition: object;
  /** Values for `${Name}` placeholders, like the stack's DefinitionSubstitutions. */
  definitionSubstitutions?: Readonly<Record<string, string>>;
  /** Local handlers by Task state name; they get what the Lambda function would get. */
  taskHandlers?: Readonly<Record<string, LocalLambdaHandler>>;
  /** Local handlers by Lambda function ARN or name (used when no handler is given for the state name). */
  lambdaFunctions?: Readonly<Record<string, LocalLambdaHandler>>;
  /** Overrides the service's retryIntervalMs for this machine. */
  retryIntervalMs?: number;
  /**
   * The Task functions' configured timeout, as their Lambda context reports it (`getRemainingTimeInMillis`,
   * which middy's early timeout reads); default 30 s.
   */
  functionTimeoutSeconds?: number;
  /** asl-validator options for the definition (default: ARNs and paths checked). */
  validationOptions?: { checkArn?: boolean; checkPaths?: boolean; noValidate?: boolean };
}

export interface StartExecutionRequest {
  stateMachineArn: string;
  name?: string;
  /** A JSON document, as in the API (default "{}"). */
  input?: string;
}

interface RegisteredMachine {
  arn: string;
  name: string;
  localized: LocalizedDefinition;
  engine: StateMachine;
  lookup: (task: LocalTaskState, functionName: string | undefined) => LocalLambdaHandler | undefined;
  retryOverrides: Record<string, number>;
  functionTimeoutSeconds?: number;
}

const NAME_PATTERN = /^[A-Za-z0-9_-]{1,80}$/;

export class LocalStepFunctions {
  readonly clock: VirtualClock;
  readonly region: string;
  readonly accountId: string;
  private readonly tokens: TaskTokenRegistry;
  private readonly machines = new Map<string, RegisteredMachine>();
  private readonly executions = new Map<string, LocalExecution>();
  private readonly idleWaiters = new Set<() => void>();
  private readonly retryIntervalMs: number;
  private readonly retentionMs: number;
  private readonly maxEventsKept: number;
  private readonly removeIdleHook: (() => void) | undefined;
  private readonly readObject: LocalObjectReader | undefined;

  constructor(options: LocalStepFunctionsOptions) {
    this.clock = options.clock;
    this.region = options.region ?? 'us-east-1';
    this.accountId = options.accountId ?? '000000000000';
    this.tokens = new TaskTokenRegistry(options.clock);
    this.retryIntervalMs = options.retryIntervalMs ?? 10;
    this.retentionMs = (options.retentionDays ?? 90) * 86_400_000;
    this.maxEventsKept = options.maxEventsKept ?? 500;
    this.readObject = options.readObject;
    if (options.settleClockAdvances ?? true) this.removeIdleHook = this.clock.addIdleHook(() => this.idle());
  }

  registerStateMachine(registration: StateMachineRegistration): { arn: string; name: string } {
    const name = registration.name ?? registration.arn.split(':').at(-1) ?? registration.arn;
    const source = substituteDefinition(registration.definition, registration.definitionSubstitutions ?? {});
    // Validate what the stack deploys (after substitution), then run the localized copy.
    new StateMachine(source as StateMachineDefinition, {
      validationOptions: registration.validationOptions ?? {},
    });
    const localized = localizeDefinition(source as MachineDefinition);
    const lookup = handlerLookup(registration);
    // A lambda:invoke Task whose FunctionName comes from the input ('FunctionName.$') can only be resolved at run time.
    const resolvableNow = (task: LocalTaskState) =>
      task.kind !== 'lambda-invoke' || task.functionName !== undefined;
    const unmapped = [...localized.taskStates.values()].filter(
      (task) => resolvableNow(task) && !lookup(task, task.functionName),
    );
    if (unmapped.length > 0) {
      throw new Error(
        `No local handler for Task state(s): ${unmapped.map((task) => task.stateName).join(', ')}`,
      );
    }
    const interval = registration.retryIntervalMs ?? this.retryIntervalMs;
    const retryOverrides = Object.fromEntries(
      [...localized.taskStates.keys()].map((state) => [state, interval]),
    );
    const engine = new StateMachine(localized.definition as StateMachineDefinition, {
      validationOptions: { noValidate: true },
    });
    this.machines.set(registration.arn, {
      arn: registration.arn,
      name,
      localized,
      engine,
      lookup,
      retryOverrides,
      ...(registration.functionTimeoutSeconds !== undefined && {
        functionTimeoutSeconds: registration.functionTimeoutSeconds,
      }),
    });
    return { arn: registration.arn, name };
  }

  startExecution(request: StartExecutionRequest): { executionArn: string; startDate: Date } {
    const machine = this.machines.get(request.stateMachineArn);
    if (!machine)
      throw new AwsServiceError(
        'StateMachineDoesNotExist',
        `State Machine Does Not Exist: '${request.stateMachineArn}'`,
      );
    const name = request.name ?? randomUUID();
    if (!NAME_PATTERN.test(name)) throw new AwsServiceError('InvalidName', `Invalid Name: '${name}'`);
    const input = request.input ?? '{}';
    try {
      JSON.parse(input);
    } catch (error) {
      throw new AwsServiceError('InvalidExecutionInput', 'Invalid State Machine Execution Input', {
        cause: error,
      });
    }
    const executionArn = `arn:aws:states:${this.region}:${this.accountId}:execution:${machine.name}:${name}`;
    const existing = this.executions.get(executionArn);
    if (existing && !this.isExpired(existing)) {
      if (existing.isRunning && existing.input === input) {
        return { executionArn, startDate: existing.startDate };
      }
      throw new AwsServiceError('ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`);
    }
    const execution = new LocalExecution({
      executionArn,
      stateMachineArn: machine.arn,
      name,
      input,
      clock: this.clock,
      maxEventsKept: this.maxEventsKept,
      onChange: () => this.checkIdle(),
      ...(machine.localized.executionTimeoutSeconds !== undefined && {
        timeoutSeconds: machine.localized.executionTimeoutSeconds,
      }),
    });
    this.executions.set(executionArn, execution);
    const tokenPlaceholder = `$$local-task-token:${randomUUID()}`;
    const overrides = buildTaskOverrides(machine.localized, machine.lookup, {
      executionArn,
      clock: this.clock,
      tokens: this.tokens,
      signal: execution.stopController.signal,
      tokenPlaceholder,
      activity: execution,
      region: this.region,
      accountId: this.accountId,
      retryIntervalOverrides: machine.retryOverrides,
      ...(this.readObject && { readObject: this.readObject }),
      ...(machine.functionTimeoutSeconds !== undefined && {
        functionTimeoutMs: machine.functionTimeoutSeconds * 1000,
      }),
    });
    execution.start(machine.engine, {
      overrides: { taskResourceLocalHandlers: overrides, retryIntervalOverrides: machine.retryOverrides },
      context: {
        Execution: { Id: executionArn, Name: name, StartTime: execution.startDate.toISOString() },
        StateMachine: { Id: machine.arn, Name: machine.name },
        Task: { Token: tokenPlaceholder },
      },
    });
    return { executionArn, startDate: execution.startDate };
  }

  describeExecution(executionArn: string): ExecutionDescription {
    return this.requireExecution(executionArn).describe();
  }

  stopExecution(executionArn: string, details: { error?: string; cause?: string } = {}): { stopDate: Date } {
    return { stopDate: this.requireExecution(executionArn).stop(details.error, details.cause) };
  }

  listExecutions(
    filter: { stateMachineArn?: string; statusFilter?: ExecutionStatus } = {},
  ): ExecutionDescription[] {
    return [...this.executions.values()]
      .filter((execution) => !filter.stateMachineArn || execution.stateMachineArn === filter.stateMachineArn)
      .map((execution) => execution.describe())
      .filter((description) => !filter.statusFilter || description.status === filter.statusFilter)
      .sort((a, b) => b.startDate.getTime() - a.startDate.getTime());
  }

  /** The engine's recent events for an execution (StateEntered, StateExited, StateRetried...). */
  executionHistory(executionArn: string): EventLog[] {
    return this.requireExecution(executionArn).history();
  }

  /** Resolves with the final description once the execution has closed. */
  waitForExecution(executionArn: string): Promise<ExecutionDescription> {
    return this.requireExecution(executionArn).done;
  }

  sendTaskSuccess(taskToken: string, output: string): void {
    this.tokens.succeed(taskToken, output);
  }

  sendTaskFailure(taskToken: string, error?: string, cause?: string): void {
    this.tokens.fail(taskToken, error, cause);
  }

  sendTaskHeartbeat(taskToken: string): void {
    this.tokens.heartbeat(taskToken);
  }

  pendingTaskTokens(): TaskTokenInfo[] {
    return this.tokens.list();
  }

  /** Resolves when every running execution is parked (virtual-clock wait or task token) or has closed. */
  idle(): Promise<void> {
    if (!this.anyBusy()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.add(resolve));
  }

  /** Stops every running execution and detaches from the clock. */
  dispose(): void {
    for (const execution of this.executions.values())
      execution.stop('States.Aborted', 'Local Step Functions disposed');
    this.removeIdleHook?.();
  }

  private anyBusy(): boolean {
    for (const execution of this.executions.values()) if (execution.isBusy) return true;
    return false;
  }

  private checkIdle(): void {
    if (this.idleWaiters.size === 0 || this.anyBusy()) return;
    const waiters = [...this.idleWaiters];
    this.idleWaiters.clear();
    for (const resolve of waiters) resolve();
  }

  private isExpired(execution: LocalExecution): boolean {
    const stopDate = execution.describe().stopDate;
    return stopDate !== undefined && this.clock.nowMs() - stopDate.getTime() > this.retentionMs;
  }

  private requireExecution(executionArn: string): LocalExecution {
    const execution = this.executions.get(executionArn);
    if (!execution)
      throw new AwsServiceError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
    return execution;
  }
}

function handlerLookup(registration: StateMachineRegistration) {
  const byFunction = new Map<string, LocalLambdaHandler>();
  for (const [key, handler] of Object.entries(registration.lambdaFunctions ?? {})) {
    byFunction.set(key, handler);
    byFunction.set(functionNameOf(key), handler);
  }
  return (task: LocalTaskState, functionName: string | undefined): LocalLambdaHandler | undefined =>
    registration.taskHandlers?.[task.stateName] ??
    (functionName === undefined
      ? undefined
      : (byFunction.get(functionName) ?? byFunction.get(functionNameOf(functionName))));
}
