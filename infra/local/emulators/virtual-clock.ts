import type { Clock } from '#application/ports/clock';

/**
 * The local cloud's one clock. Virtual now = real now + an offset that only grows (`advance`). Everything that
 * waits on "business time" (Step Functions Wait states, `.waitForTaskToken` timeouts) sleeps on it, so
 * `advance({ days: 30 })` replays a month of reminders in seconds.
 *
 * An advance walks forward deadline by deadline: it moves the clock to the earliest pending deadline inside
 * the advanced range, wakes that sleeper, then lets the system settle (microtasks, a `setImmediate` turn and
 * every registered idle hook, e.g. "all workflow executions are parked again") before looking for the next
 * deadline. So a loop that schedules its next wait while the advance is under way still fires if that wait
 * falls inside the range, and wake-ups happen in timestamp order.
 */

export interface ClockAdvance {
  days?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
  ms?: number;
}

export interface VirtualClockOptions {
  /** Virtual instant at construction (default: real now, i.e. offset 0). */
  start?: Date;
  /** Real-time source, for tests (default `Date.now`). */
  realNow?: () => number;
  /** Upper bound of the real-time re-evaluation tick, in ms (default 1000). */
  maxTickMs?: number;
  /** How long one settle may wait for the idle hooks before the advance goes on anyway (default 30 s). */
  settleTimeoutMs?: number;
}

export type IdleHook = () => Promise<void>;
export type AdvanceListener = (now: Date) => void;

interface Sleeper {
  readonly id: number;
  readonly deadline: number;
  readonly wake: () => void;
}

const MS_PER = { days: 86_400_000, hours: 3_600_000, minutes: 60_000, seconds: 1_000, ms: 1 } as const;

export function advanceToMs(by: ClockAdvance): number {
  let total = 0;
  for (const unit of Object.keys(MS_PER) as (keyof ClockAdvance)[]) {
    const amount = by[unit] ?? 0;
    if (!Number.isFinite(amount) || amount < 0) {
      throw new RangeError(`Clock advance ${unit} must be a finite number >= 0, got ${amount}`);
    }
    total += amount * MS_PER[unit];
  }
  return Math.round(total);
}

export class ClockSleepAbortedError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('Virtual clock sleep aborted', options);
    this.name = 'ClockSleepAbortedError';
  }
}

export class VirtualClock implements Clock {
  private offsetMs: number;
  private readonly realNow: () => number;
  private readonly maxTickMs: number;
  private readonly settleTimeoutMs: number;
  private readonly sleepers = new Map<number, Sleeper>();
  private readonly idleHooks = new Set<IdleHook>();
  private readonly listeners = new Set<AdvanceListener>();
  private nextSleeperId = 1;
  private timer: NodeJS.Timeout | undefined;
  private advancing: Promise<unknown> = Promise.resolve();

  constructor(options: VirtualClockOptions = {}) {
    this.realNow = options.realNow ?? Date.now;
    this.maxTickMs = options.maxTickMs ?? 1_000;
    this.settleTimeoutMs = options.settleTimeoutMs ?? 30_000;
    this.offsetMs = options.start ? options.start.getTime() - this.realNow() : 0;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  nowMs(): number {
    return this.realNow() + this.offsetMs;
  }

  /** Resolves once virtual now >= instant; rejects with ClockSleepAbortedError if the signal aborts first. */
  sleepUntil(instant: Date | number, signal?: AbortSignal): Promise<void> {
    const deadline = typeof instant === 'number' ? instant : instant.getTime();
    if (signal?.aborted) return Promise.reject(new ClockSleepAbortedError({ cause: signal.reason }));
    if (deadline <= this.nowMs()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const id = this.nextSleeperId++;
      const onAbort = () => {
        this.sleepers.delete(id);
        this.rearm();
        reject(new ClockSleepAbortedError({ cause: signal?.reason }));
      };
      this.sleepers.set(id, {
        id,
        deadline,
        wake: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      this.rearm();
    });
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return this.sleepUntil(this.nowMs() + ms, signal);
  }

  /** Moves the clock forward, waking every sleeper whose time comes, one at a time in deadline order. */
  advance(by: ClockAdvance): Promise<Date> {
    const deltaMs = advanceToMs(by);
    const run = this.advancing.then(() => this.advanceBy(deltaMs));
    this.advancing = run.catch(() => undefined);
    return run;
  }

  /** Advances to an absolute virtual instant (no-op if it is already past). */
  advanceTo(instant: Date): Promise<Date> {
    return this.advance({ ms: Math.max(0, instant.getTime() - this.nowMs()) });
  }

  /** Called after every advance step with the new virtual now. Returns an unsubscribe function. */
  onAdvance(listener: AdvanceListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Awaited between wake-ups during an advance: resolve when your part of the system has settled. */
  addIdleHook(hook: IdleHook): () => void {
    this.idleHooks.add(hook);
    return () => this.idleHooks.delete(hook);
  }

  pendingSleepers(): number {
    return this.sleepers.size;
  }

  /** The earliest pending deadline, if any sleeper waits. */
  nextDeadline(): Date | undefined {
    const next = this.earliestSleeper();
    return next ? new Date(next.deadline) : undefined;
  }

  /** Lets microtasks, one macrotask turn and the idle hooks run (bounded by settleTimeoutMs). */
  async settle(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (this.idleHooks.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.settleTimeoutMs);
      timer.unref();
    });
    try {
      await Promise.race([Promise.all([...this.idleHooks].map((hook) => hook())), timeout]);
    } finally {
      clearTimeout(timer);
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  /** Stops the real-time tick; pending sleepers stay pending. */
  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async advanceBy(deltaMs: number): Promise<Date> {
    const startOffset = this.offsetMs;
    const target = () => this.realNow() + startOffset + deltaMs;
    await this.settle();
    for (;;) {
      const next = this.earliestSleeper();
      if (!next || next.deadline > target()) break;
      this.offsetMs = Math.max(this.offsetMs, next.deadline - this.realNow());
      this.wakeOne(next);
      this.notify();
      await this.settle();
    }
    this.offsetMs = Math.max(this.offsetMs, startOffset + deltaMs);
    this.wakeDue();
    this.notify();
    await this.settle();
    this.rearm();
    return this.now();
  }

  private earliestSleeper(): Sleeper | undefined {
    let earliest: Sleeper | undefined;
    for (const sleeper of this.sleepers.values()) {
      if (!earliest || sleeper.deadline < earliest.deadline) earliest = sleeper;
    }
    return earliest;
  }

  private wakeOne(sleeper: Sleeper): void {
    this.sleepers.delete(sleeper.id);
    sleeper.wake();
  }

  /** Wakes every due sleeper in deadline order (ties in registration order). */
  private wakeDue(): void {
    const now = this.nowMs();
    const due = [...this.sleepers.values()]
      .filter((sleeper) => sleeper.deadline <= now)
      .sort((a, b) => a.deadline - b.deadline || a.id - b.id);
    for (const sleeper of due) this.wakeOne(sleeper);
  }

  private notify(): void {
    const now = this.now();
    for (const listener of this.listeners) listener(now);
  }

  /** Real time passes too: re-evaluate at the earliest deadline, and at least every maxTickMs. */
  private rearm(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const next = this.earliestSleeper();
    if (!next) return;
    const delay = Math.min(Math.max(next.deadline - this.nowMs(), 0), this.maxTickMs);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.wakeDue();
      this.rearm();
    }, delay);
    this.timer.unref();
  }
}
