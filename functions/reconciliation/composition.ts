import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { PaytimeBillingProvider } from '#adapters/paytime/paytime-billing-provider';
import { StepFunctionsWorkflows } from '#adapters/step-functions/step-functions-workflows';
import { systemClock } from '#adapters/system/system-clock';
import { TimeOrderedIdGenerator } from '#adapters/system/time-ordered-id-generator';
import { PAYTIME_PROVIDER_NAME } from '#config/follow-up-env';
import { processEnv } from '#config/process-env';
import { loadReconciliationConfig } from '#config/reconciliation-config';
import { createLogger } from '#logging/create-logger';
import type { ReconciliationHandlerDependencies } from './create-handler';

/** Built once per container, at cold start. */
const config = await loadReconciliationConfig(processEnv());
const repositories = createTableRepositories(config.tableName);
const clock = systemClock;

export const logger = createLogger('reconciliation');

export const deps: ReconciliationHandlerDependencies = {
  reconcile: {
    ...repositories,
    billing: new PaytimeBillingProvider({ ...config.paytime, clock }),
    workflows: new StepFunctionsWorkflows({ reminderLoopStateMachineArn: config.reminderStateMachineArn }),
    clock,
    logger,
    providerName: PAYTIME_PROVIDER_NAME,
    runs: repositories.reconciliationRuns,
    ids: new TimeOrderedIdGenerator(clock),
  },
  tenantId: config.tenantId,
  concurrency: config.concurrency,
};
