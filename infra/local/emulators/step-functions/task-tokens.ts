import { randomBytes } from 'node:crypto';
import { AwsServiceError } from '#infra/local/emulators/aws-service-error';
import { ClockSleepAbortedError, type VirtualClock } from '#infra/local/emulators/virtual-clock';
import { StateError } from './state-errors';

/**
 * The task tokens of `.waitForTaskToken` Tasks: minted when the Task starts, settled by SendTaskSuccess /
 * SendTaskFailure, kept alive by SendTaskHeartbeat, and timed out on the VIRTUAL clock (`TimeoutSeconds`
 * from the Task's start, `HeartbeatSeconds` from the start or the last heartbeat), like AWS. A token can be
 * used once: afterwards (or after a timeout) AWS answers TaskTimedOut; a token it never issued is InvalidToken.
 */

export interface TaskTokenInfo {
  token: string;
  executionArn: string;
  stateName: string;
  openedAt: Date;
  timeoutAt?: Date;
}

export interface OpenTaskTokenOptions {
  executionArn: string;
  stateName: string;
  timeoutSeconds?: number;
  heartbeatSeconds?: number;
  /** The execution's stop signal: aborting it closes the token. */
  signal: AbortSignal;
}

export interface OpenTaskToken {
  token: string;
  /** Resolves with the SendTaskSuccess output; rejects with a StateError (error name = the Step Functions Error). */
  result: Promise<unknown>;
  /** Closes the token without settling it through the API (e.g. the handler that should deliver it threw). */
  close(): void;
}

interface PendingToken {
  info: TaskTokenInfo;
  heartbeatSeconds: number | undefined;
  resolve: (output: unknown) => void;
  reject: (error: StateError) => void;
  heartbeat: AbortController | undefined;
  teardown: () => void;
}

const TOKEN_PREFIX = 'AQCEAAAAKgAAAA';
const TOKEN_SHAPE = /^AQCEAAAAKgAAAA[A-Za-z0-9_-]{128}$/;

export class TaskTokenRegistry {
  private readonly pending = new Map<string, PendingToken>();
  private readonly closed = new Set<string>();

  constructor(private readonly clock: VirtualClock) {}

  open(options: OpenTaskTokenOptions): OpenTaskToken {
    const token = TOKEN_PREFIX + randomBytes(96).toString('base64url');
    const openedAt = this.clock.now();
    const timeoutAt =
      options.timeoutSeconds !== undefined
        ? new Date(openedAt.getTime() + options.timeoutSeconds * 1000)
        : undefined;
    const lifetime = new AbortController();
    let resolve!: (output: unknown) => void;
    let reject!: (error: StateError) => void;
    const result = new Promise<unknown>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    result.catch(() => undefined);
    const entry: PendingToken = {
      info: {
        token,
        executionArn: options.executionArn,
        stateName: options.stateName,
        openedAt,
        ...(timeoutAt && { timeoutAt }),
      },
      heartbeatSeconds: options.heartbeatSeconds,
      resolve,
      reject,
      heartbeat: undefined,
      teardown: () => {
        lifetime.abort();
        entry.heartbeat?.abort();
        options.signal.removeEventListener('abort', onStop);
      },
    };
    const onStop = () => this.settle(token, (e) => e.reject(StateError.abortedExecution()));
    options.signal.addEventListener('abort', onStop, { once: true });
    this.pending.set(token, entry);
    if (timeoutAt) this.expireAt(token, timeoutAt.getTime(), lifetime.signal);
    this.armHeartbeat(entry);
    if (options.signal.aborted) onStop();
    return { token, result, close: () => this.settle(token, () => undefined) };
  }

  succeed(token: string, output: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(output);
    } catch (error) {
      throw new AwsServiceError('InvalidOutput', 'Invalid output: not valid JSON', { cause: error });
    }
    this.settle(this.requireOpen(token), (entry) => entry.resolve(parsed));
  }

  fail(token: string, error?: string, cause?: string): void {
    this.settle(this.requireOpen(token), (entry) => entry.reject(new StateError(error ?? '', cause ?? '')));
  }

  heartbeat(token: string): void {
    this.armHeartbeat(this.requireEntry(token));
  }

  /** Tokens that executions wait on right now. */
  list(): TaskTokenInfo[] {
    return [...this.pending.values()].map((entry) => ({ ...entry.info }));
  }

  private requireOpen(token: string): string {
    this.requireEntry(token);
    return token;
  }

  private requireEntry(token: string): PendingToken {
    const entry = this.pending.get(token);
    if (entry) return entry;
    if (this.closed.has(token) || TOKEN_SHAPE.test(token)) {
      throw new AwsServiceError('TaskTimedOut', 'Task Timed Out: Provided task does not exist anymore');
    }
    throw new AwsServiceError('InvalidToken', 'Invalid token');
  }

  private settle(token: string, action: (entry: PendingToken) => void): void {
    const entry = this.pending.get(token);
    if (!entry) return;
    this.pending.delete(token);
    this.closed.add(token);
    entry.teardown();
    action(entry);
  }

  private armHeartbeat(entry: PendingToken): void {
    if (entry.heartbeatSeconds === undefined) return;
    entry.heartbeat?.abort();
    entry.heartbeat = new AbortController();
    const deadline = this.clock.nowMs() + entry.heartbeatSeconds * 1000;
    this.expireAt(entry.info.token, deadline, entry.heartbeat.signal, 'States.HeartbeatTimeout');
  }

  private expireAt(token: string, deadline: number, signal: AbortSignal, cause = 'States.Timeout'): void {
    this.clock.sleepUntil(deadline, signal).then(
      () => this.settle(token, (entry) => entry.reject(new StateError('States.Timeout', cause))),
      (error: unknown) => {
        if (!(error instanceof ClockSleepAbortedError)) throw error;
      },
    );
  }
}
