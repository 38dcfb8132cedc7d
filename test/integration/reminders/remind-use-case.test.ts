import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PersistenceError } from '#application/ports/persistence-errors';
import { recordReminderFailure } from '#application/reminders/record-reminder-failure';
import { remind } from '#application/reminders/remind';
import { disputeBoleto } from '#domain/boleto';
import { calendarDate } from '#domain/calendar-date';
import { InvalidInputError } from '#domain/domain-error';
import { createReminderStepHandler } from '#functions/reminder-step/create-handler';
import {
  type FollowUpFixture,
  startFollowUpFixture,
  textOf,
} from '#test/integration/payments/follow-up-fixture';
import { expectNoScan } from '#test/support/record-commands';

const DUE = calendarDate('2026-12-10'); // Thursday

describe('remind (one turn of the loop)', () => {
  let fx: FollowUpFixture;

  beforeAll(async () => {
    fx = await startFollowUpFixture({ start: new Date('2026-12-07T13:00:00.000Z') }); // Monday 10:00
  });

  afterAll(async () => {
    expectNoScan(fx.recorded);
    await fx.close();
  });

  const turnOf = (boletoId: string, turn = 0, scheduledAt = '2026-12-07T13:00:00.000Z') => ({
    tenantId: fx.tenantId,
    boletoId,
    turn,
    scheduledAt,
  });
  const remindersOf = (boletoId: string) =>
    fx.itemsOf('OutboxMessage', (item) => item.boletoId === boletoId && item.kind === 'reminder');

  it('enqueues one reminder per turn however often the step is retried, even concurrently', async () => {
    const { boleto } = await fx.newSentBoleto({ dueDate: DUE });
    const results = await Promise.all(
      Array.from({ length: 10 }, () => remind(fx.reminderDeps, turnOf(boleto.id))),
    );
    const again = await remind(fx.reminderDeps, turnOf(boleto.id));
    for (const result of [...results, again]) {
      expect(result).toEqual({
        tenantId: fx.tenantId,
        boletoId: boleto.id,
        turn: 1,
        nextReminderAt: '2026-12-10T13:00:00.000Z',
        continue: true,
        outcome: 'sent',
      });
    }
    const reminders = await remindersOf(boleto.id);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({
      recipient: expect.stringMatching(/^\+55/),
      audience: 'contact',
      channel: 'whatsapp',
    });
    const lines = textOf(reminders[0]).split('\n');
    expect(lines[0]).toBe(
      'Olá, João! Passando para lembrar que o boleto de Escola Harmonia (Aulas de violão), de R$ 150,00, vence em 10/12/2026 (daqui a 3 dias).',
    );
    expect(lines.slice(1, 3)).toEqual(['', 'Linha digitável:']);
    expect(lines[3]).toMatch(/^\d{5}\.\d{5} \d{5}\.\d{6} \d{5}\.\d{6} \d \d{14}$/);
    expect(lines[5]).toMatch(/^Boleto em PDF: http:\/\/127\.0\.0\.1:\d+\/_sim\/paytime\/boletos\/\w+\/pdf$/);
    expect(lines.at(-1)).toBe(
      'Se já pagou, desconsidere esta mensagem. Para não receber mais lembretes, responda PARAR.',
    );
  });

  it('stops without writing for a disputed boleto or a contact who opted out', async () => {
    const disputed = await fx.newSentBoleto({ dueDate: DUE });
    const change = disputeBoleto(disputed.boleto, 'não reconhece', {
      actor: { kind: 'owner', id: 'owner' },
      at: fx.clock.now().toISOString(),
    });
    await fx.deps.boletos.update(change, disputed.boleto.version);
    expect(await remind(fx.reminderDeps, turnOf(disputed.boleto.id))).toMatchObject({
      continue: false,
      reason: 'disputed',
    });
    const optedOut = await fx.newContact({ name: 'Pedro Souza', optedOut: true });
    const { boleto } = await fx.newSentBoleto({ dueDate: DUE, contact: optedOut });
    expect(await remind(fx.reminderDeps, turnOf(boleto.id))).toMatchObject({
      continue: false,
      reason: 'contact_opted_out',
    });
    expect(await remindersOf(disputed.boleto.id)).toEqual([]);
    expect(await remindersOf(boleto.id)).toEqual([]);
    expect(await remind(fx.reminderDeps, turnOf('no-such-boleto'))).toMatchObject({
      reason: 'boleto_not_found',
    });
  });

  it('defers a turn that wakes at night to the next send time, writing nothing', async () => {
    const { boleto } = await fx.newSentBoleto({ dueDate: DUE });
    await fx.clock.advanceTo(new Date('2026-12-07T23:30:00.000Z')); // Monday 20:30
    const result = await remind(fx.reminderDeps, turnOf(boleto.id, 0, '2026-12-07T13:00:00.000Z'));
    expect(result).toMatchObject({
      turn: 0,
      nextReminderAt: '2026-12-08T13:00:00.000Z',
      continue: true,
      outcome: 'deferred',
    });
    expect(await remindersOf(boleto.id)).toEqual([]);
  });

  it('records a failed turn and carries on with the next slot; a replay returns the same state', async () => {
    const { boleto } = await fx.newSentBoleto({ dueDate: DUE });
    const input = {
      ...turnOf(boleto.id, 2, '2026-12-08T13:00:00.000Z'),
      error: { Error: 'PersistenceError', Cause: 'throttled' },
    };
    const first = await recordReminderFailure(fx.reminderDeps, input);
    expect(first).toMatchObject({
      turn: 3,
      nextReminderAt: '2026-12-10T13:00:00.000Z',
      continue: true,
      outcome: 'failed',
    });
    expect(await recordReminderFailure(fx.reminderDeps, input)).toEqual(first);
    const [record] = await fx.reminderDeps.reminderLog.listByBoleto(fx.tenantId, boleto.id);
    expect(record).toMatchObject({
      turn: 2,
      outcome: 'failed',
      error: 'PersistenceError: throttled',
      outboxIds: [],
    });
  });

  it('lets the workflow retry what is transient: a table failure surfaces with its name', async () => {
    const { boleto } = await fx.newSentBoleto({ dueDate: DUE });
    await fx.clock.advanceTo(new Date('2026-12-08T13:00:00.000Z'));
    const failing = {
      ...fx.reminderDeps,
      outbox: {
        ...fx.deps.outbox,
        add: async () => {
          throw new PersistenceError('throttled');
        },
      },
    };
    const handler = createReminderStepHandler(failing);
    await expect(
      handler({ action: 'remind', ...turnOf(boleto.id, 0, '2026-12-08T13:00:00.000Z') }),
    ).rejects.toMatchObject({
      name: 'PersistenceError',
    });
    expect(await fx.reminderDeps.reminderLog.get(fx.tenantId, boleto.id, 0)).toBeUndefined();
    await expect(handler({ action: 'remind', tenantId: fx.tenantId })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
  });
});
