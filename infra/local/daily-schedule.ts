import { addDays, saoPauloDateOf, saoPauloInstant } from '#domain/calendar-date';
import {
  createLambdaContext,
  invokeLocalHandler,
  type LocalLambdaHandler,
  type VirtualClock,
} from './emulators';

/**
 * EventBridge Scheduler's daily `cron(m h * * ? *)` in America/Sao_Paulo, on the virtual clock: sleeps until
 * the next run, invokes the function with the schedule's input, and sleeps again. Advancing the clock past
 * 06:30 runs the job at 06:30 (virtual), like the deployed schedule. A failed run is reported and the next day
 * runs anyway (the deployed schedule retries, then dead-letters).
 */

export interface DailyScheduleOptions {
  name: string;
  clock: VirtualClock;
  hour: number;
  minute: number;
  input: Record<string, unknown>;
  handler: LocalLambdaHandler;
  functionName: string;
  onError?: (error: unknown) => void;
  onRun?: (at: Date) => void;
}

export class LocalDailySchedule {
  private readonly stopper = new AbortController();
  private running: Promise<void> | undefined;
  private busy: Promise<unknown> | undefined;
  runs = 0;

  constructor(private readonly options: DailyScheduleOptions) {}

  start(): this {
    this.running ??= this.loop();
    return this;
  }

  /** The next run's instant. */
  nextRunAt(after: Date = this.options.clock.now()): Date {
    const { hour, minute } = this.options;
    const today = saoPauloDateOf(after);
    const candidate = saoPauloInstant(today, hour, minute);
    return candidate.getTime() > after.getTime()
      ? candidate
      : saoPauloInstant(addDays(today, 1), hour, minute);
  }

  async idle(): Promise<void> {
    await this.busy;
  }

  async stop(): Promise<void> {
    this.stopper.abort();
    await this.running;
  }

  private async loop(): Promise<void> {
    const { clock } = this.options;
    while (!this.stopper.signal.aborted) {
      try {
        await clock.sleepUntil(this.nextRunAt(), this.stopper.signal);
      } catch {
        return; // stopped
      }
      const run = this.invoke();
      this.busy = run;
      await run;
      this.busy = undefined;
    }
  }

  private async invoke(): Promise<void> {
    this.runs += 1;
    this.options.onRun?.(this.options.clock.now());
    try {
      await invokeLocalHandler(
        this.options.handler,
        structuredClone(this.options.input),
        createLambdaContext({ functionName: this.options.functionName, timeoutMs: 600_000 }),
      );
    } catch (error) {
      (this.options.onError ?? ((thrown) => console.error(`schedule ${this.options.name} failed`, thrown)))(
        error,
      );
    }
  }
}
