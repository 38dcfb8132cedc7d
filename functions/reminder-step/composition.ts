import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { noBillingProvider } from '#adapters/paytime/lazy-billing-provider';
import { PaytimeBillingProvider } from '#adapters/paytime/paytime-billing-provider';
import { StepFunctionsWorkflows } from '#adapters/step-functions/step-functions-workflows';
import { systemClock } from '#adapters/system/system-clock';
import type { ReminderDependencies } from '#application/reminders/reminder-dependencies';
import { PAYTIME_PROVIDER_NAME } from '#config/follow-up-env';
import { processEnv } from '#config/process-env';
import { loadReminderStepConfig } from '#config/reminder-step-config';
import { createLogger } from '#logging/create-logger';

/** Built once per container, at cold start. */
const config = await loadReminderStepConfig(processEnv());
const repositories = createTableRepositories(config.tableName);
const clock = systemClock;

export const logger = createLogger('reminder-step');

export const deps: ReminderDependencies = {
  ...repositories,
  billing: config.paytime ? new PaytimeBillingProvider({ ...config.paytime, clock }) : noBillingProvider,
  // Without the state machine's ARN the step may not stop loops (it ends its own by its answer).
  workflows: config.reminderStateMachineArn
    ? new StepFunctionsWorkflows({ reminderLoopStateMachineArn: config.reminderStateMachineArn })
    : { stopReminderLoop: async () => undefined },
  clock,
  logger,
  providerName: PAYTIME_PROVIDER_NAME,
  defaults: config.reminderDefaults,
  providerAvailable: config.paytime !== undefined,
};
