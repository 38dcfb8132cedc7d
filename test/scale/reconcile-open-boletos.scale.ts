import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapWithConcurrency } from '#application/reconciliation/map-with-concurrency';
import { remind } from '#application/reminders/remind';
import { addDays, type CalendarDate, calendarDate } from '#domain/calendar-date';
import { createReconciliationHandler } from '#functions/reconciliation/create-handler';
import { FUNCTION_CATALOGUE } from '#infra/stacks/function-catalogue';
import { installCapacityMeter, takeCapacity } from '#test/bench/consumed-capacity';
import { type FollowUpFixture, startFollowUpFixture } from '#test/integration/payments/follow-up-fixture';
import { expectNoScan } from '#test/support/record-commands';

/** How many open boletos the tenant has (SCALE_BOLETOS overrides, e.g. for a quicker look). */
const OPEN_BOLETOS = Number(process.env.SCALE_BOLETOS ?? 10_000);
/** Paid at Paytime with the webhook lost: what the run must heal. */
const LOST_WEBHOOKS = Math.max(1, Math.round(OPEN_BOLETOS / 100));
const RECONCILIATION_CONCURRENCY = 5;
/**
 * Seeding goes through the real create / register / send path, several boletos at a time (~140 ms each on the
 * 2-core machine: ~25 minutes for 10,000; at 32 at once DynamoDB Local dropped connections after ~11 minutes).
 */
const SEED_CONCURRENCY = 16;
/** Remind steps running at once: the reminder loops' Lambda concurrency in the run below. */
const REMINDER_CONCURRENCY = 16;
/** Days from the due date on which the default cadence reminds (3 before, on it, 1, 3, 7 and 15 after). */
const CADENCE_OFFSETS = [-3, 0, 1, 3, 7, 15];

/**
 * One tenant with 10,000 open boletos at Paytime (the simulator) and in DynamoDB Local, 1% of them paid with
 * the webhook lost. The daily reconciliation, as deployed (the handler, bounded concurrency 5), must check
 * every one, heal exactly the lost payments, finish within the function's configured timeout, and never Scan.
 * Then one day's reminder turns (the Remind step of every boleto with a reminder that day, 16 at once) must
 * all complete (none failed) without a Scan. Prints time, concurrency and consumed capacity of both.
 */
describe(`reconciliation over ${OPEN_BOLETOS} open boletos`, () => {
  let fx: FollowUpFixture;

  beforeAll(async () => {
    fx = await startFollowUpFixture({ start: new Date('2026-12-02T13:00:00.000Z') });
    installCapacityMeter();
  });

  afterAll(async () => {
    await fx.close();
  });

  it('checks every open boleto, heals the lost payments, stays within its timeout, and never Scans', async () => {
    const seedStarted = performance.now();
    const contact = await fx.newContact();
    const due = calendarDate('2026-12-10');
    const seeded = await mapWithConcurrency(
      Array.from({ length: OPEN_BOLETOS }, (_, i) => i),
      SEED_CONCURRENCY,
      (i) => fx.newSentBoleto({ contact, dueDate: addDays(due, i % 60) }),
    );
    const seedMs = performance.now() - seedStarted;
    fx.paytime.controls.dropNextWebhooks(LOST_WEBHOOKS);
    for (const { billetId } of seeded.slice(0, LOST_WEBHOOKS)) fx.paytime.controls.pay(billetId);
    await fx.drain();
    fx.recorded.length = 0;
    takeCapacity();

    const handler = createReconciliationHandler({
      reconcile: { ...fx.deps, runs: fx.runs, ids: fx.ids, boletoActivity: fx.reminderDeps.boletoActivity },
      tenantId: fx.tenantId,
      concurrency: RECONCILIATION_CONCURRENCY,
    });
    const started = performance.now();
    const run = await handler({ source: 'iris.reconciliation', tenantId: fx.tenantId });
    const runMs = performance.now() - started;
    const limitMs = FUNCTION_CATALOGUE.reconciliation.timeoutSeconds * 1000;
    const reconciliationCapacity = takeCapacity();
    const reconciliationRequests = fx.recorded.length;
    expect(run).toMatchObject({ checked: OPEN_BOLETOS, healed: LOST_WEBHOOKS, failed: 0 });
    expect(runMs).toBeLessThan(limitMs);
    expectNoScan(fx.recorded);

    // One day of reminder turns: every boleto whose due date puts a reminder of the default cadence on one
    // day (the day 7 days after the first due date: boletos due 10, 7, 6, 4, 0 days before or 3 after it).
    fx.recorded.length = 0;
    const day = addDays(due, 7);
    const dueThatDay = new Set<CalendarDate>(CADENCE_OFFSETS.map((offset) => addDays(day, -offset)));
    const turns = seeded.filter(({ boleto }) => dueThatDay.has(boleto.dueDate));
    const turnsStarted = performance.now();
    const results = await mapWithConcurrency(turns, REMINDER_CONCURRENCY, ({ boleto }) =>
      remind(fx.reminderDeps, {
        tenantId: fx.tenantId,
        boletoId: boleto.id,
        turn: 1,
        scheduledAt: fx.clock.now().toISOString(),
      }),
    );
    const turnsMs = performance.now() - turnsStarted;
    const turnsCapacity = takeCapacity();
    const outcomes: Record<string, number> = {};
    for (const result of results) outcomes[result.outcome] = (outcomes[result.outcome] ?? 0) + 1;
    console.log(
      JSON.stringify({
        openBoletos: OPEN_BOLETOS,
        seedMs: Math.round(seedMs),
        reconciliation: {
          ms: Math.round(runMs),
          functionTimeoutMs: limitMs,
          concurrency: RECONCILIATION_CONCURRENCY,
          checked: run.checked,
          healed: run.healed,
          failed: run.failed,
          dynamoDbRequests: reconciliationRequests,
          readUnits: reconciliationCapacity.readUnits,
          writeUnits: reconciliationCapacity.writeUnits,
          requestsByOperation: reconciliationCapacity.requests,
        },
        reminderTurns: {
          turns: turns.length,
          ms: Math.round(turnsMs),
          concurrency: REMINDER_CONCURRENCY,
          outcomes,
          dynamoDbRequests: fx.recorded.length,
          readUnits: turnsCapacity.readUnits,
          writeUnits: turnsCapacity.writeUnits,
          requestsByOperation: turnsCapacity.requests,
        },
      }),
    );
    expect(turns.length).toBeGreaterThan(0);
    expect(outcomes.failed ?? 0).toBe(0);
    expect(results.every((result) => result.outcome === 'stopped' || result.nextReminderAt)).toBe(true);
    expectNoScan(fx.recorded);
  });
});
