import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileOpenBoletos } from '#application/reconciliation/reconcile-open-boletos';
import { recordReminderFailure } from '#application/reminders/record-reminder-failure';
import { remind } from '#application/reminders/remind';
import { calendarDate } from '#domain/calendar-date';
import { type FollowUpFixture, startFollowUpFixture } from '#test/integration/payments/follow-up-fixture';
import { expectNoScan } from '#test/support/record-commands';

const DUE = calendarDate('2026-12-10'); // Thursday

/** Issue 11, item 8: every reminder turn and every reconciliation finding is in the boleto's audit trail. */
describe('audit trail of reminders and reconciliation', () => {
  let fx: FollowUpFixture;

  beforeAll(async () => {
    fx = await startFollowUpFixture({ start: new Date('2026-12-07T13:00:00.000Z') }); // Monday 10:00
  });

  afterAll(async () => {
    expectNoScan(fx.recorded);
    await fx.close();
  });

  const turnOf = (boletoId: string, turn: number, scheduledAt: string) => ({
    tenantId: fx.tenantId,
    boletoId,
    turn,
    scheduledAt,
  });
  const activitiesOf = async (boletoId: string) =>
    (await fx.deps.boletos.getWithHistory(fx.tenantId, boletoId))?.activities ?? [];

  it('records a sent turn once, in the transaction of its outbox items, however often it is retried', async () => {
    const { boleto } = await fx.newSentBoleto({ dueDate: DUE });
    const input = turnOf(boleto.id, 0, '2026-12-07T13:00:00.000Z');
    await Promise.all([remind(fx.reminderDeps, input), remind(fx.reminderDeps, input)]);
    await remind(fx.reminderDeps, input);

    const activities = await activitiesOf(boleto.id);
    expect(activities).toHaveLength(1);
    const reminders = await fx.itemsOf(
      'OutboxMessage',
      (item) => item.boletoId === boleto.id && item.kind === 'reminder',
    );
    expect(activities[0]).toMatchObject({
      activityId: 'reminder_turn:0:sent',
      kind: 'reminder_turn',
      actor: { kind: 'system', id: 'reminder-loop' },
      at: expect.stringMatching(/^2026-12-07T13:00/),
      boletoVersion: boleto.version,
      detail: {
        turn: 0,
        outcome: 'sent',
        outboxIds: reminders.map((item) => item.id).join(','),
        amountDueCents: boleto.amountCents,
        nextReminderAt: '2026-12-10T13:00:00.000Z',
      },
    });
  });

  it('records a deferral with the time it waits for, and a stop with its reason', async () => {
    const { boleto } = await fx.newSentBoleto({ dueDate: DUE });
    await fx.clock.advanceTo(new Date('2026-12-07T23:30:00.000Z')); // Monday 20:30
    await remind(fx.reminderDeps, turnOf(boleto.id, 0, '2026-12-07T13:00:00.000Z'));
    const optedOut = await fx.newContact({ name: 'Rita Lima', optedOut: true });
    const other = await fx.newSentBoleto({ dueDate: DUE, contact: optedOut });
    await remind(fx.reminderDeps, turnOf(other.boleto.id, 0, '2026-12-07T13:00:00.000Z'));

    expect(await activitiesOf(boleto.id)).toMatchObject([
      {
        activityId: 'reminder_turn:0:deferred:2026-12-08T13:00:00.000Z',
        detail: { outcome: 'deferred', nextReminderAt: '2026-12-08T13:00:00.000Z' },
      },
    ]);
    expect(await activitiesOf(other.boleto.id)).toMatchObject([
      { activityId: 'reminder_turn:0:stopped', detail: { outcome: 'stopped', reason: 'contact_opted_out' } },
    ]);
  });

  it('records a failed turn with the error name only', async () => {
    const { boleto } = await fx.newSentBoleto({ dueDate: DUE });
    const input = {
      ...turnOf(boleto.id, 2, '2026-12-08T13:00:00.000Z'),
      error: { Error: 'PersistenceError', Cause: 'payer +5511988887777 throttled' },
    };
    await recordReminderFailure(fx.reminderDeps, input);
    await recordReminderFailure(fx.reminderDeps, input);
    const activities = await activitiesOf(boleto.id);
    expect(activities).toHaveLength(1);
    expect(activities[0]).toMatchObject({
      activityId: 'reminder_turn:2:failed',
      detail: { outcome: 'failed', error: 'PersistenceError' },
    });
    expect(JSON.stringify(activities)).not.toContain('5511988887777');
  });

  it('records what the daily reconciliation found (a missed payment healed), not boletos found unchanged', async () => {
    const healed = await fx.newSentBoleto({ dueDate: DUE });
    const unchanged = await fx.newSentBoleto({ dueDate: DUE });
    fx.paytime.controls.dropNextWebhooks(1);
    fx.paytime.controls.pay(healed.billetId);
    const run = await reconcileOpenBoletos(
      { ...fx.deps, runs: fx.runs, ids: fx.ids, boletoActivity: fx.reminderDeps.boletoActivity },
      { tenantId: fx.tenantId },
    );
    expect(run.healed).toBeGreaterThanOrEqual(1);
    const findings = (await activitiesOf(healed.boleto.id)).filter(
      (activity) => activity.kind === 'reconciliation_finding',
    );
    expect(findings).toMatchObject([
      {
        activityId: `reconciliation_finding:${run.runId}`,
        kind: 'reconciliation_finding',
        actor: { kind: 'system', id: 'reconciliation' },
        boletoVersion: healed.boleto.version,
        detail: { runId: run.runId, outcome: 'paid' },
      },
    ]);
    expect(await activitiesOf(unchanged.boleto.id)).toEqual([]);
  });
});
