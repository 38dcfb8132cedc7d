import { afterAll, beforeAll, describe, it } from 'vitest';
import { installCapacityMeter } from '#test/bench/consumed-capacity';
import { type FollowUpFixture, startFollowUpFixture } from '#test/integration/payments/follow-up-fixture';
import { runOpenBoletosScenario } from './open-boletos-scenario';

/** How many open boletos the tenant has (SCALE_BOLETOS overrides, e.g. for a quicker look). */
const OPEN_BOLETOS = Number(process.env.SCALE_BOLETOS ?? 10_000);

/**
 * `npm run scale`: the scenario of open-boletos-scenario.ts at 10,000 open boletos (the CI suite runs it at 60
 * in open-boletos.test.ts). Prints the figures docs/scaling.md records.
 */
describe(`reconciliation and reminder turns over ${OPEN_BOLETOS} open boletos`, () => {
  let fx: FollowUpFixture;

  beforeAll(async () => {
    fx = await startFollowUpFixture({ start: new Date('2026-12-02T13:00:00.000Z') });
    installCapacityMeter();
  });

  afterAll(async () => {
    await fx.close();
  });

  it('checks every open boleto, heals the lost payments, completes the day of turns, and never Scans', async () => {
    const figures = await runOpenBoletosScenario(fx, OPEN_BOLETOS);
    console.log(JSON.stringify(figures, null, 2));
  });
});
