import { ListSchedulesCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EventBridgeSchedules } from '#adapters/scheduler/eventbridge-schedules';
import { InvalidScheduleError } from '#application/ports/schedules';
import { calendarDate } from '#domain/calendar-date';
import { atExpression, cronExpression } from '#domain/schedule-expression';
import type { LocalHttpServer } from '#infra/local/emulators/aws-json-http-server';
import { createSchedulerHttpServer, LocalScheduler } from '#infra/local/emulators/scheduler/index';
import { VirtualClock } from '#infra/local/emulators/virtual-clock';

/**
 * The production adapter (`@aws-sdk/client-scheduler`) against the local emulator over HTTP, and the
 * emulator's firings on the virtual clock in the schedule's time zone (America/Sao_Paulo is UTC-3).
 */

const GROUP = 'iris-demo-local';
const ROLE = 'arn:aws:iam::000000000000:role/iris-demo-local-scheduler';
const FUNCTION = 'arn:aws:lambda:us-east-1:000000000000:function:iris-demo-local-target';
const MACHINE = 'arn:aws:states:us-east-1:000000000000:stateMachine:iris-demo-local-machine';

let clock: VirtualClock;
let scheduler: LocalScheduler;
let server: LocalHttpServer;
let client: SchedulerClient;
let schedules: EventBridgeSchedules;
let received: Array<{ target: string; input: unknown; at: string }>;
let failNext = 0;

beforeAll(async () => {
  // Friday 2026-12-04 12:00 São Paulo.
  clock = new VirtualClock({ start: new Date('2026-12-04T15:00:00Z') });
  scheduler = new LocalScheduler({ clock, region: 'us-east-1', accountId: '000000000000' });
  scheduler.createGroup(GROUP);
  for (const target of [FUNCTION, MACHINE]) {
    scheduler.registerTarget(target, async (input) => {
      if (failNext > 0) {
        failNext -= 1;
        throw new Error('target failed');
      }
      // To the minute: Scheduler's precision (and real time keeps creeping into the virtual now).
      received.push({
        target,
        input,
        at: new Date(Math.floor(clock.nowMs() / 60_000) * 60_000).toISOString(),
      });
    });
  }
  server = await createSchedulerHttpServer(scheduler);
  client = new SchedulerClient({
    endpoint: server.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  schedules = new EventBridgeSchedules({ groupName: GROUP, roleArn: ROLE, client });
  clock.addIdleHook(() => scheduler.idle());
});

afterAll(async () => {
  scheduler.dispose();
  clock.dispose();
  client.destroy();
  await server.close();
});

beforeEach(() => {
  received = [];
  failNext = 0;
});

describe('EventBridgeSchedules against the local Scheduler', () => {
  it('creates, reads, replaces by name (one schedule) and deletes idempotently', async () => {
    const definition = {
      name: 'plan-1',
      expression: cronExpression({ minute: 0, hour: 9, dayOfMonth: 10 }),
      timezone: 'America/Sao_Paulo',
      target: { arn: FUNCTION },
      input: { planId: 'p1' },
    };
    await schedules.upsert(definition);
    await schedules.upsert({ ...definition, input: { planId: 'p1', version: 2 } });
    expect(await schedules.get('plan-1')).toEqual({
      name: 'plan-1',
      expression: 'cron(0 9 10 * ? *)',
      timezone: 'America/Sao_Paulo',
      targetArn: FUNCTION,
      input: { planId: 'p1', version: 2 },
    });
    const listed = await client.send(new ListSchedulesCommand({ GroupName: GROUP }));
    expect(listed.Schedules?.map((schedule) => schedule.Name)).toEqual(['plan-1']);
    await schedules.delete('plan-1');
    await schedules.delete('plan-1');
    expect(await schedules.get('plan-1')).toBeUndefined();
  });

  it('rejects a malformed expression or time zone as invalid, creating nothing', async () => {
    const base = { name: 'bad', timezone: 'America/Sao_Paulo', target: { arn: FUNCTION }, input: {} };
    await expect(schedules.upsert({ ...base, expression: 'cron(0 9 10 * * *)' })).rejects.toBeInstanceOf(
      InvalidScheduleError,
    );
    await expect(
      schedules.upsert({ ...base, expression: 'rate(1 day)', timezone: 'Mars/Olympus' }),
    ).rejects.toBeInstanceOf(InvalidScheduleError);
    expect(await schedules.get('bad')).toBeUndefined();
  });

  it('fires a monthly cron at 09:00 São Paulo on its day, with its input, once per month', async () => {
    await schedules.upsert({
      name: 'monthly',
      expression: cronExpression({ minute: 0, hour: 9, dayOfMonth: 10 }),
      timezone: 'America/Sao_Paulo',
      target: { arn: FUNCTION },
      input: { kind: 'monthly' },
    });
    await clock.advance({ days: 70 });
    expect(received).toEqual([
      { target: FUNCTION, input: { kind: 'monthly' }, at: '2026-12-10T12:00:00.000Z' },
      { target: FUNCTION, input: { kind: 'monthly' }, at: '2027-01-10T12:00:00.000Z' },
      { target: FUNCTION, input: { kind: 'monthly' }, at: '2027-02-10T12:00:00.000Z' },
    ]);
    await schedules.delete('monthly');
  });

  it('skips months without day 31, and L fires on the last day', async () => {
    const start = clock.now();
    await schedules.upsert({
      name: 'day-31',
      expression: cronExpression({ minute: 0, hour: 8, dayOfMonth: 31 }),
      timezone: 'America/Sao_Paulo',
      target: { arn: FUNCTION },
      input: { kind: '31' },
    });
    await schedules.upsert({
      name: 'last-day',
      expression: cronExpression({ minute: 0, hour: 8, dayOfMonth: 'L' }),
      timezone: 'America/Sao_Paulo',
      target: { arn: FUNCTION },
      input: { kind: 'L' },
    });
    await clock.advance({ days: 90 });
    const days = (kind: string) =>
      received
        .filter((firing) => (firing.input as { kind: string }).kind === kind)
        .map((firing) => firing.at.slice(0, 10));
    expect(start.toISOString().slice(0, 10)).toBe('2027-02-12');
    expect(days('31')).toEqual(['2027-03-31']);
    expect(days('L')).toEqual(['2027-02-28', '2027-03-31', '2027-04-30']);
    await schedules.delete('day-31');
    await schedules.delete('last-day');
  });

  it('fires a one-time at() once in its time zone, and a state machine target too; re-upserting re-arms it', async () => {
    await schedules.upsert({
      name: 'once',
      expression: atExpression(calendarDate('2027-05-20'), 10, 30),
      timezone: 'America/Sao_Paulo',
      target: { arn: MACHINE },
      input: { period: '2027-05' },
    });
    await clock.advance({ days: 30 });
    expect(received).toEqual([
      { target: MACHINE, input: { period: '2027-05' }, at: '2027-05-20T13:30:00.000Z' },
    ]);
    await schedules.upsert({
      name: 'once',
      expression: atExpression(calendarDate('2027-06-20'), 10, 30),
      timezone: 'America/Sao_Paulo',
      target: { arn: MACHINE },
      input: { period: '2027-06' },
    });
    await clock.advance({ days: 60 });
    expect(received.map((firing) => firing.input)).toEqual([{ period: '2027-05' }, { period: '2027-06' }]);
    expect(await schedules.get('once')).toBeDefined();
    await schedules.delete('once');
  });

  it('retries a failing target by its retry policy, and a deleted schedule never fires', async () => {
    failNext = 2;
    await schedules.upsert({
      name: 'flaky',
      expression: 'rate(1 day)',
      timezone: 'America/Sao_Paulo',
      target: { arn: FUNCTION },
      input: { kind: 'flaky' },
    });
    await clock.advance({ days: 1, minutes: 1 });
    expect(received).toHaveLength(1);
    expect(scheduler.firings.at(-1)).toMatchObject({ name: 'flaky', attempts: 3, outcome: 'succeeded' });
    await schedules.delete('flaky');
    await clock.advance({ days: 3 });
    expect(received).toHaveLength(1);
  });
});
