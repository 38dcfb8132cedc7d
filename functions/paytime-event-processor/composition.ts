import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { PaytimeBillingProvider } from '#adapters/paytime/paytime-billing-provider';
import { StepFunctionsWorkflows } from '#adapters/step-functions/step-functions-workflows';
import { systemClock } from '#adapters/system/system-clock';
import { PAYTIME_PROVIDER_NAME } from '#config/follow-up-env';
import { loadPaytimeEventProcessorConfig } from '#config/paytime-event-processor-config';
import { processEnv } from '#config/process-env';
import { createLogger } from '#logging/create-logger';
import type { PaytimeEventProcessorDependencies } from './create-handler';

/** Built once per container, at cold start. */
const config = await loadPaytimeEventProcessorConfig(processEnv());
const repositories = createTableRepositories(config.tableName);
const clock = systemClock;

export const logger = createLogger('paytime-event-processor');

export const deps: PaytimeEventProcessorDependencies = {
  ...repositories,
  billing: new PaytimeBillingProvider({ ...config.paytime, clock }),
  workflows: new StepFunctionsWorkflows({ reminderLoopStateMachineArn: config.reminderStateMachineArn }),
  clock,
  logger,
  providerName: PAYTIME_PROVIDER_NAME,
  events: repositories.providerEvents,
};
