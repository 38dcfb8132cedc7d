/**
 * "Has the system finished reacting?" for the local cloud. Work hops from part to part (webhook → workflow
 * task → table → stream → relay → queue → delivery → simulator → status webhook...), so one part being idle says
 * little. `settle()` waits for every part in turn, again and again, until two whole rounds change nothing.
 * Used after a control route (so its answer reflects the consequences) and at every wake-up of a clock advance
 * (so a reminder is delivered at the virtual instant it was due, not at the end of the advance).
 */

export interface SettleParticipant {
  name: string;
  /** Resolves when this part has nothing in hand (it may get new work afterwards). */
  idle(): Promise<void>;
  /** A number that changes whenever this part does something (counters, queue depths). */
  activity(): number;
}

export interface SettleResult {
  settled: boolean;
  rounds: number;
  elapsedMs: number;
}

export class Quiescence {
  private readonly participants: SettleParticipant[] = [];

  add(participant: SettleParticipant): void {
    this.participants.push(participant);
  }

  async settle(options: { timeoutMs?: number } = {}): Promise<SettleResult> {
    const started = Date.now();
    const deadline = started + (options.timeoutMs ?? 20_000);
    let previous = this.signature();
    let quietRounds = 0;
    let rounds = 0;
    while (quietRounds < 2) {
      if (Date.now() > deadline) return { settled: false, rounds, elapsedMs: Date.now() - started };
      rounds += 1;
      for (const participant of this.participants) {
        await withDeadline(participant.idle(), deadline);
      }
      await new Promise((resolve) => setImmediate(resolve));
      const current = this.signature();
      quietRounds = current === previous ? quietRounds + 1 : 0;
      previous = current;
    }
    return { settled: true, rounds, elapsedMs: Date.now() - started };
  }

  private signature(): string {
    return this.participants.map((participant) => participant.activity()).join(',');
  }
}

async function withDeadline(work: Promise<void>, deadline: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
  });
  try {
    await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
