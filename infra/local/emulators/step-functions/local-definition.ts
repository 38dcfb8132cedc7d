import type { MachineDefinition, StateDefinition } from './asl-types';
import { describeDistributedMap, type LocalDistributedMap } from './distributed-map';

/**
 * Turns a state machine definition, as the CDK stack synthesizes it, into what aws-local-stepfunctions runs.
 *
 * The ONLY local deviation from the synthesized definition: every `Wait` state (Seconds, SecondsPath, Timestamp,
 * TimestampPath) becomes a `Task` state with the same name, `Next`/`End`, `InputPath` and `OutputPath`, bound to
 * a local handler that sleeps on the VIRTUAL clock and passes its input through unchanged (the library's own
 * Wait uses real `Date.now()`, so `POST /_local/clock/advance` could not move it). It still counts as one state
 * transition, like the Wait it replaces.
 *
 * A Map with an `ItemReader` (a Distributed Map) becomes a Task bound to the local Distributed Map
 * (`distributed-map.ts`: ItemReader over the local S3, ItemBatcher, MaxConcurrency); its ItemProcessor is
 * localized like the parent and run per batch.
 *
 * Everything else is kept as written. Two runtime settings are adjusted, not the flow: the library enforces
 * `TimeoutSeconds` with a real `setTimeout` (default 60 s when absent), so `.waitForTaskToken` Tasks get a long
 * real-time bound while their declared `TimeoutSeconds`/`HeartbeatSeconds` are enforced on the virtual clock by
 * the task-token registry; the machine's top-level `TimeoutSeconds` is enforced on the virtual clock too; and no
 * timeout may exceed what `setTimeout` can hold (~24.8 days).
 */

export type { JsonValue, MachineDefinition, StateDefinition } from './asl-types';

/** The Resource given to transformed Wait states (any well-formed ARN; the local handler replaces it). */
export const LOCAL_WAIT_RESOURCE = 'arn:aws:lambda:us-east-1:000000000000:function:local-virtual-clock-wait';
/** Largest real-time timeout Node's setTimeout can hold, in seconds. */
export const MAX_REAL_TIMEOUT_SECONDS = 2_147_483;

export type TaskInvocationKind = 'lambda-function' | 'lambda-invoke' | 'service';

export interface LocalTaskState {
  stateName: string;
  resource: string;
  kind: TaskInvocationKind;
  waitForTaskToken: boolean;
  /** The Lambda function this Task calls when it is fixed in the definition (Resource or Parameters.FunctionName). */
  functionName?: string;
  /** Declared on the state; enforced on the virtual clock for `.waitForTaskToken` Tasks. */
  timeoutSeconds?: number;
  heartbeatSeconds?: number;
}

export interface LocalizedDefinition {
  definition: MachineDefinition;
  /** Names of the Wait states turned into virtual-clock Tasks. */
  waitStates: ReadonlySet<string>;
  /** Every original Task state, by name (nested Parallel/Map states included). */
  taskStates: ReadonlyMap<string, LocalTaskState>;
  /** Distributed Maps (a Map with an ItemReader), by state name, each now a Task run by the emulator. */
  distributedMaps: ReadonlyMap<string, LocalDistributedMap>;
  /** The top-level TimeoutSeconds, removed from the definition and enforced on the virtual clock. */
  executionTimeoutSeconds?: number;
}

export class LocalDefinitionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LocalDefinitionError';
  }
}

/** Replaces `${Name}` placeholders in every string, like CloudFormation's DefinitionSubstitutions. */
export function substituteDefinition<T>(value: T, substitutions: Readonly<Record<string, string>>): T {
  const replace = (node: unknown): unknown => {
    if (typeof node === 'string') {
      return node.replace(/\$\{([^}]+)\}/g, (whole, name: string) => substitutions[name] ?? whole);
    }
    if (Array.isArray(node)) return node.map(replace);
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, inner]) => [replace(key), replace(inner)]));
    }
    return node;
  };
  return replace(value) as T;
}

export function localizeDefinition(source: MachineDefinition): LocalizedDefinition {
  const found: Found = { waitStates: new Set(), taskStates: new Map(), distributedMaps: new Map() };
  const { TimeoutSeconds, ...machine } = structuredClone(source);
  const definition = localizeMachine(machine as MachineDefinition, found);
  return {
    definition,
    ...found,
    ...(typeof TimeoutSeconds === 'number' && { executionTimeoutSeconds: TimeoutSeconds }),
  };
}

interface Found {
  waitStates: Set<string>;
  taskStates: Map<string, LocalTaskState>;
  distributedMaps: Map<string, LocalDistributedMap>;
}

function localizeMachine(machine: MachineDefinition, found: Found): MachineDefinition {
  const states: Record<string, StateDefinition> = {};
  for (const [name, state] of Object.entries(machine.States)) {
    if (found.waitStates.has(name) || found.taskStates.has(name) || found.distributedMaps.has(name)) {
      throw new LocalDefinitionError(
        `State name "${name}" is used twice; local handlers are bound by state name`,
      );
    }
    states[name] = localizeState(name, state, found);
  }
  return { ...machine, States: states };
}

function localizeState(name: string, state: StateDefinition, found: Found): StateDefinition {
  switch (state.Type) {
    case 'Wait':
      found.waitStates.add(name);
      return waitAsTask(state);
    case 'Task': {
      const task = describeTask(name, state);
      found.taskStates.set(name, task);
      return withRealTimeBound(state, task);
    }
    case 'Parallel': {
      const branches = (state.Branches as MachineDefinition[]).map((branch) =>
        localizeMachine(branch, found),
      );
      return { ...state, Branches: branches };
    }
    case 'Map': {
      if (state.ItemReader !== undefined) {
        const { map, task } = describeDistributedMap(name, state, (inner) => localizeMachine(inner, found));
        found.distributedMaps.set(name, map);
        return { ...task, TimeoutSeconds: MAX_REAL_TIMEOUT_SECONDS };
      }
      const field = state.ItemProcessor ? 'ItemProcessor' : 'Iterator';
      const inner = state[field] as MachineDefinition | undefined;
      return inner ? { ...state, [field]: localizeMachine(inner, found) } : state;
    }
    default:
      return state;
  }
}

function waitAsTask(state: StateDefinition): StateDefinition {
  const { Seconds, SecondsPath, Timestamp, TimestampPath, Type: _type, ...kept } = state;
  let wait: Record<string, unknown>;
  if (Seconds !== undefined) wait = { seconds: Seconds };
  else if (SecondsPath !== undefined) wait = { 'seconds.$': SecondsPath };
  else if (Timestamp !== undefined) wait = { timestamp: Timestamp };
  else if (TimestampPath !== undefined) wait = { 'timestamp.$': TimestampPath };
  else throw new LocalDefinitionError('A Wait state needs Seconds, SecondsPath, Timestamp or TimestampPath');
  return {
    ...kept,
    Type: 'Task',
    Resource: LOCAL_WAIT_RESOURCE,
    Parameters: { 'input.$': '$', wait },
    TimeoutSeconds: MAX_REAL_TIMEOUT_SECONDS,
  };
}

function describeTask(stateName: string, state: StateDefinition): LocalTaskState {
  const resource = String(state.Resource ?? '');
  const waitForTaskToken = resource.endsWith('.waitForTaskToken');
  let kind: TaskInvocationKind = 'service';
  let functionName: string | undefined;
  if (resource.startsWith('arn:aws:states:::lambda:invoke')) {
    kind = 'lambda-invoke';
    const parameters = state.Parameters as Record<string, unknown> | undefined;
    if (typeof parameters?.FunctionName === 'string') functionName = parameters.FunctionName;
  } else if (!resource.startsWith('arn:aws:states:::')) {
    kind = 'lambda-function';
    functionName = resource;
  }
  if (
    waitForTaskToken &&
    (state.TimeoutSecondsPath !== undefined || state.HeartbeatSecondsPath !== undefined)
  ) {
    throw new LocalDefinitionError(
      `${stateName}: TimeoutSecondsPath/HeartbeatSecondsPath on a .waitForTaskToken Task is not supported locally`,
    );
  }
  return {
    stateName,
    resource,
    kind,
    waitForTaskToken,
    ...(functionName !== undefined && { functionName }),
    ...(typeof state.TimeoutSeconds === 'number' && { timeoutSeconds: state.TimeoutSeconds }),
    ...(typeof state.HeartbeatSeconds === 'number' && { heartbeatSeconds: state.HeartbeatSeconds }),
  };
}

function withRealTimeBound(state: StateDefinition, task: LocalTaskState): StateDefinition {
  if (task.waitForTaskToken) {
    const { HeartbeatSeconds: _heartbeat, ...kept } = state;
    return { ...kept, TimeoutSeconds: MAX_REAL_TIMEOUT_SECONDS };
  }
  if (typeof state.TimeoutSeconds === 'number' && state.TimeoutSeconds > MAX_REAL_TIMEOUT_SECONDS) {
    return { ...state, TimeoutSeconds: MAX_REAL_TIMEOUT_SECONDS };
  }
  return state;
}
