import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { systemClock } from '#adapters/system/system-clock';
import { loadFinanceDailyConfig } from '#config/finance-daily-config';
import { processEnv } from '#config/process-env';
import { loadReportScheduleConfig } from '#config/report-config';
import { composeSchedules } from '#config/schedules-config';
import { createLogger } from '#logging/create-logger';
import type { FinanceDailyHandlerDependencies } from './create-handler';

/** Built once per container, at cold start. */
const config = loadFinanceDailyConfig(processEnv());
const repositories = createTableRepositories(config.tableName);
const reportSchedule = loadReportScheduleConfig(processEnv());

export const logger = createLogger('finance-daily');

export const deps: FinanceDailyHandlerDependencies = {
  recurringExpenses: { ...repositories, clock: systemClock, logger },
  tenantId: config.tenantId,
  ...(reportSchedule && {
    reportSchedule: {
      schedules: composeSchedules(reportSchedule.schedules),
      reportFunctionArn: reportSchedule.reportFunctionArn,
    },
  }),
};
