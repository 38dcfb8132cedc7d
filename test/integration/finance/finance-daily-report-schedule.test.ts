import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import type { ScheduleDefinition, ScheduleSummary, Schedules } from '#application/ports/schedules';
import { reportScheduleExpression, reportScheduleName } from '#application/reports/report-schedule';
import { createFinanceDailyHandler } from '#functions/finance-daily/create-handler';
import { createLogger } from '#logging/create-logger';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';

/** The schedule group as the port describes it: upsert by name, get, delete. */
class RecordingSchedules implements Schedules {
  readonly byName = new Map<string, ScheduleDefinition>();
  upserts = 0;
  async upsert(schedule: ScheduleDefinition): Promise<void> {
    this.upserts += 1;
    this.byName.set(schedule.name, schedule);
  }
  async delete(name: string): Promise<void> {
    this.byName.delete(name);
  }
  async get(name: string): Promise<ScheduleSummary | undefined> {
    const found = this.byName.get(name);
    return (
      found && {
        name: found.name,
        expression: found.expression,
        timezone: found.timezone,
        targetArn: found.target.arn,
        input: found.input,
      }
    );
  }
}

const REPORT_FUNCTION_ARN = 'arn:aws:lambda:sa-east-1:123456789012:function:iris-acme-prod-report';

describe('the daily finance check gives a deployed tenant its report schedule', () => {
  let table: TestTable;
  let repositories: ReturnType<typeof createTableRepositories>;
  const clock = { now: () => new Date('2026-12-05T11:00:00Z') };
  const logger = createLogger('finance-daily-report-schedule-test');

  beforeAll(async () => {
    table = await createTestTable();
    repositories = createTableRepositories(table.tableName, table.documentClient);
  });
  afterAll(async () => {
    await table?.drop();
  });

  function handlerFor(tenantId: string, schedules: Schedules | undefined) {
    return createFinanceDailyHandler({
      recurringExpenses: { ...repositories, clock, logger },
      tenantId,
      ...(schedules && { reportSchedule: { schedules, reportFunctionArn: REPORT_FUNCTION_ARN } }),
    });
  }

  it('creates the monthly schedule once when the tenant has none', async () => {
    const schedules = new RecordingSchedules();
    const handler = handlerFor('acme', schedules);
    await handler({ source: 'iris.finance-daily', tenantId: 'acme' });
    await handler({ source: 'iris.finance-daily', tenantId: 'acme' });

    expect(schedules.upserts).toBe(1);
    expect(schedules.byName.get(reportScheduleName('acme'))).toMatchObject({
      expression: reportScheduleExpression('monthly'),
      timezone: 'America/Sao_Paulo',
      target: { arn: REPORT_FUNCTION_ARN },
      input: { source: 'iris.report', tenantId: 'acme', cadence: 'monthly' },
    });
  });

  it("keeps the owner's weekly choice", async () => {
    const schedules = new RecordingSchedules();
    await schedules.upsert({
      name: reportScheduleName('acme'),
      expression: reportScheduleExpression('weekly'),
      timezone: 'America/Sao_Paulo',
      target: { arn: REPORT_FUNCTION_ARN },
      input: { source: 'iris.report', tenantId: 'acme', cadence: 'weekly' },
    });
    await handlerFor('acme', schedules)({ source: 'iris.finance-daily', tenantId: 'acme' });

    expect(schedules.upserts).toBe(1);
    expect(schedules.byName.get(reportScheduleName('acme'))?.input.cadence).toBe('weekly');
  });

  it('creates nothing for an event of another tenant (refused before any change)', async () => {
    const schedules = new RecordingSchedules();
    await expect(
      handlerFor('acme', schedules)({ source: 'iris.finance-daily', tenantId: 'other' }),
    ).rejects.toThrow(/serves tenant acme/);
    expect(schedules.upserts).toBe(0);
  });
});
