import type { Clock } from '#application/ports/clock';

let processClock: Clock | undefined;

/**
 * The clock every function composes with. In Lambda it is the system clock. The local cloud runs all
 * functions in one process and moves time forward for demos and tests, so it installs its virtual clock here
 * once, before composing the functions; nothing else may call `useProcessClock`.
 */
export const systemClock: Clock = { now: () => (processClock ? processClock.now() : new Date()) };

export function useProcessClock(clock: Clock | undefined): void {
  processClock = clock;
}
