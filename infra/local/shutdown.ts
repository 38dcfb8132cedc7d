/**
 * Stops what was started, newest first, each step on its own (one failing step does not keep the others,
 * DynamoDB Local's JVM above all, running). Runs once; later calls wait for the first.
 */
export class Shutdown {
  private readonly steps: Array<{ name: string; stop: () => Promise<void> | void }> = [];
  private running: Promise<void> | undefined;

  constructor(private readonly log: (line: string) => void) {}

  add(name: string, stop: () => Promise<void> | void): void {
    this.steps.push({ name, stop });
  }

  run(): Promise<void> {
    this.running ??= this.stopAll();
    return this.running;
  }

  private async stopAll(): Promise<void> {
    for (const step of [...this.steps].reverse()) {
      try {
        await withTimeout(Promise.resolve(step.stop()), 10_000);
      } catch (error) {
        this.log(`stopping ${step.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}

async function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not stop within ${ms} ms`)), ms);
  });
  try {
    await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
