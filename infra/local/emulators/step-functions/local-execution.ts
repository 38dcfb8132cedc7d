import { ExecutionAbortedError, ExecutionError, type StateMachine } from 'aws-local-stepfunctions';
import type { VirtualClock } from '#infra/local/emulators/virtual-clock';
import type { JsonValue } from './local-definition';

/**
 * One execution of a registered state machine, run by aws-local-stepfunctions. Keeps what DescribeExecution
 * returns, the event log (bounded) and the counters the cost benchmarks need: a state transition is counted for
 * every state entered and every retry, which is how Step Functions Standard bills.
 */

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export interface ExecutionDescription {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  startDate: Date;
  stopDate?: Date;
  input: string;
  output?: string;
  error?: string;
  cause?: string;
  /** States entered + retries: what AWS bills as state transitions. */
  stateTransitions: number;
  /** Every history event the engine emitted. */
  eventCount: number;
}

export interface LocalExecutionInit {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  input: string;
  clock: VirtualClock;
  maxEventsKept: number;
  /** The definition's top-level TimeoutSeconds, enforced on the virtual clock. */
  timeoutSeconds?: number;
  onChange: () => void;
}

type RunOptions = NonNullable<Parameters<StateMachine['run']>[1]>;
/** One engine history event (the library does not export the type). */
export type EventLog =
  ReturnType<StateMachine['run']>['eventLogs'] extends AsyncGenerator<infer E> ? E : never;

export class LocalExecution {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly input: string;
  readonly startDate: Date;
  readonly stopController = new AbortController();
  /** Settles (never rejects) once the execution is closed. */
  readonly done: Promise<ExecutionDescription>;
  private status: ExecutionStatus = 'RUNNING';
  private stopDate: Date | undefined;
  private output: string | undefined;
  private error: string | undefined;
  private cause: string | undefined;
  private transitions = 0;
  private eventCount = 0;
  private readonly events: EventLog[] = [];
  private parkedWaits = 0;
  private markDone!: (description: ExecutionDescription) => void;
  private abortEngine: (() => void) | undefined;

  constructor(private readonly init: LocalExecutionInit) {
    this.executionArn = init.executionArn;
    this.stateMachineArn = init.stateMachineArn;
    this.name = init.name;
    this.input = init.input;
    this.startDate = init.clock.now();
    this.done = new Promise((resolve) => {
      this.markDone = resolve;
    });
  }

  start(machine: StateMachine, options: RunOptions): void {
    const run = machine.run(JSON.parse(this.input) as JsonValue, options);
    this.abortEngine = run.abort;
    if (this.init.timeoutSeconds !== undefined) this.expireAfter(this.init.timeoutSeconds);
    void this.consumeEvents(run.eventLogs);
    run.result.then(
      (output) => this.close('SUCCEEDED', { output: JSON.stringify(output ?? null) }),
      (error: unknown) => this.closeWithError(error),
    );
  }

  get isRunning(): boolean {
    return this.status === 'RUNNING';
  }

  /** Running and not parked on a virtual-clock sleep or a task token. */
  get isBusy(): boolean {
    return this.status === 'RUNNING' && this.parkedWaits === 0;
  }

  park(): void {
    this.parkedWaits += 1;
    this.init.onChange();
  }

  resume(): void {
    this.parkedWaits = Math.max(0, this.parkedWaits - 1);
    this.init.onChange();
  }

  stop(error?: string, cause?: string): Date {
    if (this.status === 'RUNNING') {
      this.close('ABORTED', { ...(error !== undefined && { error }), ...(cause !== undefined && { cause }) });
      this.stopController.abort();
      this.abortEngine?.();
    }
    return this.stopDate ?? this.init.clock.now();
  }

  describe(): ExecutionDescription {
    return {
      executionArn: this.executionArn,
      stateMachineArn: this.stateMachineArn,
      name: this.name,
      status: this.status,
      startDate: this.startDate,
      input: this.input,
      stateTransitions: this.transitions,
      eventCount: this.eventCount,
      ...(this.stopDate && { stopDate: this.stopDate }),
      ...(this.output !== undefined && { output: this.output }),
      ...(this.error !== undefined && { error: this.error }),
      ...(this.cause !== undefined && { cause: this.cause }),
    };
  }

  /** The most recent engine events (at most maxEventsKept). */
  history(): EventLog[] {
    return [...this.events];
  }

  private expireAfter(seconds: number): void {
    const deadline = this.startDate.getTime() + seconds * 1000;
    this.init.clock.sleepUntil(deadline, this.stopController.signal).then(
      () => {
        this.close('TIMED_OUT', { error: 'States.Timeout', cause: 'The execution timed out' });
        this.abortEngine?.();
      },
      () => undefined,
    );
  }

  private async consumeEvents(events: AsyncGenerator<EventLog>): Promise<void> {
    for await (const event of events) {
      this.eventCount += 1;
      if (event.type === 'StateEntered' || event.type === 'StateRetried') this.transitions += 1;
      this.events.push(event);
      if (this.events.length > this.init.maxEventsKept) this.events.shift();
    }
  }

  private closeWithError(thrown: unknown): void {
    if (thrown instanceof ExecutionAbortedError) {
      this.close('ABORTED', {});
      return;
    }
    if (thrown instanceof Error && thrown.name === 'ExecutionTimeoutError') {
      this.close('TIMED_OUT', { error: 'States.Timeout', cause: 'The execution timed out' });
      return;
    }
    const source = thrown instanceof ExecutionError && thrown.cause instanceof Error ? thrown.cause : thrown;
    const error = source instanceof Error ? source.name : 'Error';
    const cause = source instanceof Error ? source.message : String(source);
    this.close('FAILED', { error, cause });
  }

  private close(status: ExecutionStatus, details: { output?: string; error?: string; cause?: string }): void {
    if (this.status !== 'RUNNING') return;
    this.status = status;
    this.stopDate = this.init.clock.now();
    this.output = details.output;
    this.error = details.error;
    this.cause = details.cause;
    this.stopController.abort();
    this.markDone(this.describe());
    this.init.onChange();
  }
}
