import { performance } from 'node:perf_hooks';
import { expect } from 'vitest';
import type { BillingProvider } from '#application/ports/billing-provider';
import { mapWithConcurrency } from '#application/reconciliation/map-with-concurrency';
import type { ReminderLoopState } from '#application/reminders/reminder-loop-state';
import { addDays, type CalendarDate, calendarDate } from '#domain/calendar-date';
import { createReconciliationHandler } from '#functions/reconciliation/create-handler';
import { createReminderStepHandler, ReminderLoopEnded } from '#functions/reminder-step/create-handler';
import { FUNCTION_CATALOGUE } from '#infra/stacks/function-catalogue';
import { takeCapacity } from '#test/bench/consumed-capacity';
import type { FollowUpFixture } from '#test/integration/payments/follow-up-fixture';
import { expectNoScan } from '#test/support/record-commands';
import { seedSentBoletos } from './seed-open-boletos';

/** The daily reconciliation's configured concurrency (functions/reconciliation/composition.ts). */
export const RECONCILIATION_CONCURRENCY = 5;
/** Remind steps running at once: the reminder loops' Lambda concurrency in the run below. */
const REMINDER_CONCURRENCY = 16;
/** Days from the due date on which the default cadence reminds (3 before, on it, 1, 3, 7 and 15 after). */
const CADENCE_OFFSETS = [-3, 0, 1, 3, 7, 15];

/**
 * One tenant with `openBoletos` open boletos at Paytime (the simulator) and in DynamoDB Local (seeded in bulk,
 * see seed-open-boletos.ts), 1% of them paid with the webhook lost. The daily reconciliation handler, as
 * deployed (bounded concurrency 5), must check every one, heal exactly the lost payments, finish within the
 * function's configured timeout, and never Scan. Then one day's reminder turns (the reminder-step handler for
 * every boleto with a reminder that day, 16 at once) must all complete (none failed, each either scheduling
 * its next turn or ending the loop because the boleto was paid) without a Scan. Returns the figures.
 */
export async function runOpenBoletosScenario(fx: FollowUpFixture, openBoletos: number) {
  const lostWebhooks = Math.max(1, Math.round(openBoletos / 100));
  const contact = await fx.newContact();
  const due = calendarDate('2026-12-10');
  const seedStarted = performance.now();
  const seed = await seedSentBoletos(fx, {
    count: openBoletos,
    contact,
    dueDateOf: (i) => addDays(due, i % 60),
  });
  const seedMs = performance.now() - seedStarted;
  fx.paytime.controls.dropNextWebhooks(lostWebhooks);
  for (const { billetId } of seed.seeded.slice(0, lostWebhooks)) fx.paytime.controls.pay(billetId);
  await fx.drain();
  fx.recorded.length = 0;
  takeCapacity();

  const provider = inFlightCounter(fx.deps.billing);
  const reconciliation = createReconciliationHandler({
    reconcile: {
      ...fx.deps,
      billing: provider.billing,
      runs: fx.runs,
      ids: fx.ids,
      boletoActivity: fx.reminderDeps.boletoActivity,
    },
    tenantId: fx.tenantId,
    concurrency: RECONCILIATION_CONCURRENCY,
  });
  const started = performance.now();
  const run = await reconciliation({ source: 'iris.reconciliation', tenantId: fx.tenantId });
  const runMs = performance.now() - started;
  const limitMs = FUNCTION_CATALOGUE.reconciliation.timeoutSeconds * 1000;
  const reconciliationCapacity = takeCapacity();
  const reconciliationRequests = fx.recorded.length;
  expect(run).toMatchObject({ checked: openBoletos, healed: lostWebhooks, failed: 0 });
  expect(runMs).toBeLessThan(limitMs);
  expect(provider.maxInFlight).toBeLessThanOrEqual(RECONCILIATION_CONCURRENCY);
  expectNoScan(fx.recorded);

  // One day of reminder turns: every boleto whose due date puts a reminder of the default cadence on one
  // day (the day 7 days after the first due date: boletos due 10, 7, 6, 4, 0 days before or 3 after it).
  fx.recorded.length = 0;
  const day = addDays(due, 7);
  const dueThatDay = new Set<CalendarDate>(CADENCE_OFFSETS.map((offset) => addDays(day, -offset)));
  const turns = seed.seeded.filter(({ boleto }) => dueThatDay.has(boleto.dueDate));
  const paid = new Set(seed.seeded.slice(0, lostWebhooks).map(({ boleto }) => boleto.id));
  const step = createReminderStepHandler(fx.reminderDeps);
  let inFlight = 0;
  let maxTurnsInFlight = 0;
  const turnsStarted = performance.now();
  const results = await mapWithConcurrency(turns, REMINDER_CONCURRENCY, async ({ boleto }) => {
    inFlight += 1;
    maxTurnsInFlight = Math.max(maxTurnsInFlight, inFlight);
    try {
      const event = {
        action: 'remind',
        tenantId: fx.tenantId,
        boletoId: boleto.id,
        turn: 1,
        scheduledAt: fx.clock.now().toISOString(),
      };
      return { boletoId: boleto.id, state: await step(event) };
    } catch (error) {
      if (error instanceof ReminderLoopEnded) return { boletoId: boleto.id, state: error.state };
      throw error;
    } finally {
      inFlight -= 1;
    }
  });
  const turnsMs = performance.now() - turnsStarted;
  const turnsCapacity = takeCapacity();
  const outcomes: Record<string, number> = {};
  for (const { state } of results) outcomes[state.outcome] = (outcomes[state.outcome] ?? 0) + 1;
  expect(turns.length).toBeGreaterThan(0);
  expect(outcomes.failed ?? 0).toBe(0);
  for (const { boletoId, state } of results) expect(completedTurn(state, paid.has(boletoId))).toBe(true);
  expectNoScan(fx.recorded);

  return {
    openBoletos,
    seed: {
      ms: Math.round(seedMs),
      billetsAtPaytimeMs: Math.round(seed.prepareMs),
      batchWriteMs: Math.round(seed.writeMs),
      items: seed.items,
      batchWrites: seed.batchWrites,
    },
    reconciliation: {
      ms: Math.round(runMs),
      msPerBoleto: round2(runMs / openBoletos),
      functionTimeoutMs: limitMs,
      concurrency: RECONCILIATION_CONCURRENCY,
      maxProviderCallsInFlight: provider.maxInFlight,
      checked: run.checked,
      healed: run.healed,
      failed: run.failed,
      dynamoDbRequests: reconciliationRequests,
      readUnits: reconciliationCapacity.readUnits,
      writeUnits: reconciliationCapacity.writeUnits,
      unitsPerBoleto: round2(
        (reconciliationCapacity.readUnits + reconciliationCapacity.writeUnits) / openBoletos,
      ),
      requestsByOperation: reconciliationCapacity.requests,
      scans: reconciliationCapacity.requests.Scan ?? 0,
    },
    reminderTurns: {
      turns: turns.length,
      ms: Math.round(turnsMs),
      concurrency: REMINDER_CONCURRENCY,
      maxInFlight: maxTurnsInFlight,
      outcomes,
      dynamoDbRequests: fx.recorded.length,
      readUnits: turnsCapacity.readUnits,
      writeUnits: turnsCapacity.writeUnits,
      unitsPerTurn: round2((turnsCapacity.readUnits + turnsCapacity.writeUnits) / turns.length),
      requestsByOperation: turnsCapacity.requests,
      scans: turnsCapacity.requests.Scan ?? 0,
    },
  };
}

/** A turn completed: it scheduled the next one, or it ended the loop because the boleto was paid meanwhile. */
function completedTurn(state: ReminderLoopState, paidMeanwhile: boolean): boolean {
  if (paidMeanwhile) return !state.continue && state.reason === 'paid';
  return state.continue && state.nextReminderAt !== undefined && state.outcome !== 'failed';
}

/** The provider as the reconciliation sees it, counting the calls in flight at once. */
function inFlightCounter(billing: BillingProvider) {
  let inFlight = 0;
  const counter = { maxInFlight: 0, billing };
  counter.billing = new Proxy(billing, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        inFlight += 1;
        counter.maxInFlight = Math.max(counter.maxInFlight, inFlight);
        try {
          return await value.apply(target, args);
        } finally {
          inFlight -= 1;
        }
      };
    },
  });
  return counter;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
