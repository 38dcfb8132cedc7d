import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Boleto } from '#domain/boleto';
import { calendarDate } from '#domain/calendar-date';
import { installCapacityMeter } from '#test/bench/consumed-capacity';
import { type FollowUpFixture, startFollowUpFixture } from '#test/integration/payments/follow-up-fixture';
import { runOpenBoletosScenario } from './open-boletos-scenario';
import { seedSentBoletos } from './seed-open-boletos';

/** The scale run's scenario (npm run scale: 10,000) at a size the CI suite affords. */
const OPEN_BOLETOS = 60;

describe('open boletos at scale, small', () => {
  let fx: FollowUpFixture;

  beforeAll(async () => {
    fx = await startFollowUpFixture({ start: new Date('2026-12-02T13:00:00.000Z') });
    installCapacityMeter();
  });

  afterAll(async () => {
    await fx.close();
  });

  it(`reconciles ${OPEN_BOLETOS} open boletos and completes one day of reminder turns without a Scan`, async () => {
    const figures = await runOpenBoletosScenario(fx, OPEN_BOLETOS);
    expect(figures.reconciliation.maxProviderCallsInFlight).toBeGreaterThan(1);
    expect(figures.reminderTurns.turns).toBeGreaterThan(0);
  }, 120_000);
});

describe('bulk seeding of open boletos', () => {
  let fx: FollowUpFixture;

  beforeAll(async () => {
    fx = await startFollowUpFixture({ start: new Date('2026-12-02T13:00:00.000Z') });
    installCapacityMeter();
  });

  afterAll(async () => {
    await fx.close();
  });

  it('bulk seeding writes exactly the items the create / register / send path writes', async () => {
    const contact = await fx.newContact();
    const dueDate = calendarDate('2026-12-20');
    const viaPath = await fx.newSentBoleto({ contact, dueDate });
    const [viaSeed] = (await seedSentBoletos(fx, { count: 1, contact, dueDateOf: () => dueDate })).seeded;
    if (!viaSeed) throw new Error('nothing seeded');
    const byPath = await itemsOfBoleto(viaPath.boleto);
    expect(byPath.length).toBeGreaterThanOrEqual(5);
    expect(await itemsOfBoleto(viaSeed.boleto)).toEqual(byPath);
  });

  /** The boleto's items, with what differs from one boleto to another (ids, keys, instants, Paytime's numbers) generic. */
  async function itemsOfBoleto(boleto: Boleto): Promise<string[]> {
    const entities = ['Boleto', 'BoletoEvent', 'BoletoCommandGuard', 'BoletoProviderGuard'];
    const items = (await Promise.all(entities.map((entity) => fx.itemsOf(entity)))).flat();
    const varying = [
      boleto.id,
      boleto.commandKey,
      boleto.provider?.providerId,
      boleto.provider?.digitableLine,
      boleto.provider?.barcode,
      boleto.provider?.pdfUrl,
    ].filter((value): value is string => typeof value === 'string' && value.length > 0);
    return items
      .filter((item) => item.boletoId === boleto.id)
      .map((item) => {
        let text = JSON.stringify(
          Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b))),
        );
        for (const [index, value] of varying.entries()) text = text.replaceAll(value, `<${index}>`);
        return text.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<instant>');
      })
      .sort();
  }
});
