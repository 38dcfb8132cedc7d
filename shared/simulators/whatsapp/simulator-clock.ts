import type { Clock } from '#application/ports/clock';

/**
 * The simulator's notion of now, used for the 24-hour window and for webhook timestamps. Follows an injected
 * clock (or the system clock), shifted by whatever the control routes set or advanced.
 */
export class SimulatorClock {
  private offsetMs = 0;

  constructor(private readonly base?: Clock) {}

  nowMs(): number {
    return this.baseMs() + this.offsetMs;
  }

  set(nowMs: number): void {
    this.offsetMs = nowMs - this.baseMs();
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  private baseMs(): number {
    return this.base ? this.base.now().getTime() : Date.now();
  }
}
