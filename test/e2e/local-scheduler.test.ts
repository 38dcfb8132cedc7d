import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeSchedules, loadSchedulesConfig } from '#config/schedules-config';
import { calendarDate, saoPauloDateOf } from '#domain/calendar-date';
import { atExpression } from '#domain/schedule-expression';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { functionArn, SCHEDULE_GROUP_NAME } from '#infra/local/local-cloud-names';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';

/**
 * The EventBridge Scheduler foundation on the local cloud: the production adapter, composed from the
 * environment the local cloud gives the functions, creates a schedule in the stack's group, and advancing the
 * virtual clock invokes the targeted production function with the schedule's input at its São Paulo time.
 */
describe('run-time schedules on the local cloud', () => {
  let cloud: LocalCloud;

  beforeAll(async () => {
    cloud = await startLocalCloud({
      port: 0,
      clockStart: new Date('2026-12-04T15:00:00Z'),
    });
  });
  afterAll(async () => {
    await cloud?.stop();
  });
  // The daily finance check adds the tenant's report schedule, which fires on days 1-7: this test's firings only.
  const firingsOf = (name: string) => cloud.scheduler.firings.filter((firing) => firing.name === name);

  it('fires a one-time schedule at 07:00 São Paulo into the reconciliation function, once', async () => {
    const schedules = composeSchedules(loadSchedulesConfig(process.env));
    expect(saoPauloDateOf(cloud.clock.now())).toBe('2026-12-04');
    await schedules.upsert({
      name: 'e2e-once',
      expression: atExpression(calendarDate('2026-12-08'), 7, 0),
      timezone: 'America/Sao_Paulo',
      target: { arn: functionArn('reconciliation') },
      input: { source: 'iris.reconciliation', tenantId: DEMO_TENANT.tenantId },
    });
    expect(cloud.scheduler.list({ group: SCHEDULE_GROUP_NAME }).map((s) => s.Name)).toEqual(['e2e-once']);
    await cloud.advance({ days: 3 });
    expect(firingsOf('e2e-once')).toEqual([]);
    await cloud.advance({ days: 3 });
    expect(firingsOf('e2e-once')).toEqual([
      expect.objectContaining({
        name: 'e2e-once',
        at: new Date('2026-12-08T10:00:00Z'),
        outcome: 'succeeded',
        targetArn: functionArn('reconciliation'),
      }),
    ]);
    await schedules.delete('e2e-once');
    expect(await schedules.get('e2e-once')).toBeUndefined();
  });
});
