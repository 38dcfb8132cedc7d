import { SFNClient } from '@aws-sdk/client-sfn';
import { afterEach, describe, expect, it } from 'vitest';
import { reminderLoopExecutionName } from '#adapters/step-functions/execution-names';
import { StepFunctionsWorkflows } from '#adapters/step-functions/step-functions-workflows';
import type { Workflows } from '#application/ports/workflows';
import { planFirstReminder } from '#application/reminders/plan-first-reminder';
import type { ReminderTurnRecord } from '#application/reminders/reminder-turn-log';
import { calendarDate, saoPauloDateOf, saoPauloTimeOf } from '#domain/calendar-date';
import type { OutboxMessage } from '#domain/outbox-message';
import { createReminderStepHandler } from '#functions/reminder-step/create-handler';
import type { LocalHttpServer } from '#infra/local/emulators/aws-json-http-server';
import {
  createStepFunctionsHttpServer,
  LocalStepFunctions,
} from '#infra/local/emulators/step-functions/index';
import {
  type FollowUpFixture,
  startFollowUpFixture,
  textOf,
} from '#test/integration/payments/follow-up-fixture';
import { expectNoScan } from '#test/support/record-commands';
import { reminderLoopTransitions } from '#workflows/reminder-loop-workflow';
import { REMINDER_LOOP_ARN, registerReminderLoop } from './measure-reminder-loop';

/**
 * A boleto's whole follow-up on the local workflow runner: the reminder loop definition the stack deploys, the
 * real reminder-step handler, DynamoDB Local, the Paytime simulator and its webhooks into the real webhook and
 * event processor, and the production Step Functions adapter talking to the local runner over HTTP. The
 * virtual clock replays the month in seconds.
 */

const SENT_AT = new Date('2026-11-27T17:00:00.000Z'); // Friday 14:00 in São Paulo
const DUE = calendarDate('2026-12-04'); // a Friday: day 30 late is a Sunday, so the last reminder is day 31

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp() {
  let workflows: StepFunctionsWorkflows | undefined;
  const lazyWorkflows: Pick<Workflows, 'stopReminderLoop'> = {
    stopReminderLoop: (tenantId, boletoId, reason) => {
      if (!workflows) throw new Error('workflows not ready');
      return workflows.stopReminderLoop(tenantId, boletoId, reason);
    },
  };
  const fx: FollowUpFixture = await startFollowUpFixture({ start: SENT_AT, workflows: lazyWorkflows });
  const stepFunctions = new LocalStepFunctions({ clock: fx.clock });
  registerReminderLoop(stepFunctions, createReminderStepHandler(fx.reminderDeps));
  const server: LocalHttpServer = await createStepFunctionsHttpServer(stepFunctions);
  const sfn = new SFNClient({
    endpoint: server.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  workflows = new StepFunctionsWorkflows({ reminderLoopStateMachineArn: REMINDER_LOOP_ARN, client: sfn });
  cleanups.push(async () => {
    expectNoScan(fx.recorded);
    stepFunctions.dispose();
    sfn.destroy();
    await server.close();
    await fx.close();
  });

  const { boleto, billetId } = await fx.newSentBoleto({ dueDate: DUE, description: 'Aulas de violão' });
  const start = planFirstReminder({
    tenantId: fx.tenantId,
    boletoId: boleto.id,
    dueDate: DUE,
    now: fx.clock.now(),
    profile: await fx.deps.tenants.getProfile(fx.tenantId),
  });
  if (!start) throw new Error('no first reminder');
  await workflows.startReminderLoop(start);
  await workflows.startReminderLoop(start); // a replayed start changes nothing
  const executionArn = `${REMINDER_LOOP_ARN.replace(':stateMachine:', ':execution:')}:${reminderLoopExecutionName(fx.tenantId, boleto.id)}`;

  const turns = () => fx.reminderDeps.reminderLog.listByBoleto(fx.tenantId, boleto.id);
  const outboxOf = async (turn: ReminderTurnRecord) =>
    (await Promise.all(turn.outboxIds.map((id) => fx.deps.outbox.get(fx.tenantId, id)))) as OutboxMessage[];
  const reminderMessages = () =>
    fx.itemsOf('OutboxMessage', (item) => item.boletoId === boleto.id && item.kind === 'reminder');
  return { fx, stepFunctions, boleto, billetId, start, executionArn, turns, outboxOf, reminderMessages };
}

describe('reminder loop, full cycle', () => {
  it('reminds at 10:00 São Paulo on the cadence days, states fine and interest on days 1, 15 and 31, and ends', async () => {
    const { fx, stepFunctions, start, executionArn, turns, outboxOf } = await setUp();
    expect(start.nextReminderAt).toBe('2026-12-01T13:00:00.000Z');
    expect(stepFunctions.listExecutions({ stateMachineArn: REMINDER_LOOP_ARN })).toHaveLength(1);

    await fx.clock.advance({ days: 45 });

    const done = stepFunctions.describeExecution(executionArn);
    expect(done.status).toBe('SUCCEEDED');
    const output = JSON.parse(done.output ?? '{}') as { ended: { Error: string; Cause: string } };
    expect(output.ended.Error).toBe('ReminderLoopEnded');
    expect(JSON.parse(JSON.parse(output.ended.Cause).errorMessage)).toEqual({
      reason: 'cadence_finished',
      outcome: 'sent',
      turn: 7,
    });
    const records = await turns();
    expect(records.map((record) => record.outcome)).toEqual(Array(7).fill('sent'));
    const whatsapp = await Promise.all(
      records.map(async (record) =>
        (await outboxOf(record)).find((message) => message.channel === 'whatsapp'),
      ),
    );
    const sentAt = whatsapp.map((message) => new Date(message?.createdAt ?? 0));
    expect(sentAt.map((at) => saoPauloDateOf(at))).toEqual([
      '2026-12-01', // 3 days before
      '2026-12-04', // due date
      '2026-12-05', // 1 day late
      '2026-12-07', // 3 days late
      '2026-12-11', // 7 days late
      '2026-12-19', // 15 days late
      '2027-01-04', // 30 days late is Sunday 03/01: moved to Monday, 31 days late
    ]);
    for (const at of sentAt) expect(saoPauloTimeOf(at)).toEqual({ hour: 10, minute: 0 });

    // R$ 150,00 at 2% fine + 1% a month: the fine once, interest 1/30 of 1% per calendar day from the due date.
    expect(records.map((record) => record.amountDueCents)).toEqual([
      15_000, 15_000, 15_305, 15_315, 15_335, 15_375, 15_455,
    ]);
    const text = (index: number) => textOf(whatsapp[index] as unknown as Record<string, unknown> | undefined);
    expect(text(0)).toContain('vence em 04/12/2026 (daqui a 3 dias)');
    expect(text(1)).toContain('vence hoje, 04/12/2026');
    expect(text(2)).toContain(
      'Valor para pagar hoje (05/12/2026): R$ 153,05 (R$ 150,00 + R$ 3,00 de multa + R$ 0,05 de juros)',
    );
    expect(text(5)).toContain(
      'Valor para pagar hoje (19/12/2026): R$ 153,75 (R$ 150,00 + R$ 3,00 de multa + R$ 0,75 de juros)',
    );
    expect(text(6)).toContain(
      'Valor para pagar hoje (04/01/2027): R$ 154,55 (R$ 150,00 + R$ 3,00 de multa + R$ 1,55 de juros)',
    );
    expect(whatsapp[6]?.template).toMatchObject({ name: 'iris_lembrete_boleto_vencido' });
    expect(whatsapp[6]?.template?.parameters).toContain('R$ 154,55');

    // From 7 days late the reminder also goes by e-mail (the contact has an address).
    const channels = await Promise.all(
      records.map(async (record) => (await outboxOf(record)).map((m) => m.channel)),
    );
    expect(channels).toEqual([
      ['whatsapp'],
      ['whatsapp'],
      ['whatsapp'],
      ['whatsapp'],
      ['whatsapp', 'email'],
      ['whatsapp', 'email'],
      ['whatsapp', 'email'],
    ]);

    // 7 reminders × (Wait + Remind) + Finished.
    expect(done.stateTransitions).toBe(15);
    expect(done.stateTransitions).toBe(reminderLoopTransitions(7));
  });

  it('ends the loop at once when the paid webhook arrives, and sends no reminder after it', async () => {
    const { fx, stepFunctions, billetId, boleto, executionArn, turns, reminderMessages } = await setUp();
    await fx.clock.advanceTo(new Date('2026-12-05T15:00:00.000Z')); // after the 1-day-late reminder
    expect((await turns()).length).toBe(3);

    const paidAt = fx.clock.now();
    fx.paytime.controls.pay(billetId, 15_305);
    await fx.drain();
    await stepFunctions.idle();
    expect(await fx.deps.boletos.get(fx.tenantId, boleto.id)).toMatchObject({
      status: 'paid',
      paidCents: 15_000,
      chargesPaidCents: 305,
    });
    expect(stepFunctions.describeExecution(executionArn).status).toBe('ABORTED');

    await fx.clock.advance({ days: 45 });
    expect((await turns()).length).toBe(3);
    const late = (await reminderMessages()).filter((item) => String(item.createdAt) > paidAt.toISOString());
    expect(late).toEqual([]);
    const notices = await fx.itemsOf(
      'OutboxMessage',
      (item) => item.boletoId === boleto.id && item.kind === 'payment_received',
    );
    expect(notices).toHaveLength(1);
    expect(textOf(notices[0])).toContain(
      'João da Silva pagou R$ 153,05 (R$ 150,00 + R$ 3,05 de multa e juros) em 05/12/2026',
    );
    // 3 turns and the Wait it was parked in when StopExecution came.
    expect(stepFunctions.describeExecution(executionArn).stateTransitions).toBe(7);
  });

  it('ends within one step when the paid webhook is lost: the next turn asks Paytime, records the payment and stops', async () => {
    const { fx, stepFunctions, billetId, boleto, executionArn, turns, reminderMessages } = await setUp();
    await fx.clock.advanceTo(new Date('2026-12-05T15:00:00.000Z'));
    fx.paytime.controls.dropNextWebhooks(1);
    const paidAt = fx.clock.now();
    fx.paytime.controls.pay(billetId, 15_305);
    await fx.drain();
    expect(await fx.deps.boletos.get(fx.tenantId, boleto.id)).toMatchObject({ status: 'sent' });
    expect(stepFunctions.describeExecution(executionArn).status).toBe('RUNNING');

    await fx.clock.advance({ days: 45 });

    const done = stepFunctions.describeExecution(executionArn);
    expect(done.status).toBe('SUCCEEDED');
    // The step ended the loop (ReminderLoopEnded, caught into Finished) and said why.
    const output = JSON.parse(done.output ?? '{}') as { ended: { Error: string; Cause: string } };
    expect(output.ended.Error).toBe('ReminderLoopEnded');
    expect(JSON.parse(JSON.parse(output.ended.Cause).errorMessage)).toEqual({
      reason: 'paid',
      outcome: 'stopped',
      turn: 3,
    });
    expect((await turns()).length).toBe(3);
    expect(
      (await reminderMessages()).filter((item) => String(item.createdAt) > paidAt.toISOString()),
    ).toEqual([]);
    expect(await fx.deps.boletos.get(fx.tenantId, boleto.id)).toMatchObject({ status: 'paid' });
    expect(await fx.deps.payments.listByBoleto(fx.tenantId, boleto.id)).toHaveLength(1);
    expect(
      await fx.itemsOf(
        'OutboxMessage',
        (item) => item.boletoId === boleto.id && item.kind === 'payment_received',
      ),
    ).toHaveLength(1);
    expect(done.stateTransitions).toBe(reminderLoopTransitions(4));
  });
});
