import { processEnv } from '#config/follow-up-env';
import { wireFollowUp } from '#config/follow-up-wiring';
import { loadReconciliationConfig } from '#config/reconciliation-config';
import { createLogger } from '#logging/create-logger';
import type { ReconciliationHandlerDependencies } from './create-handler';

/** Built once per container, at cold start. */
const config = await loadReconciliationConfig(processEnv());

export const logger = createLogger('reconciliation');

const wired = wireFollowUp(config, logger);

export const deps: ReconciliationHandlerDependencies = {
  reconcile: { ...wired.payments, runs: wired.runs, ids: wired.ids, boletoActivity: wired.boletoActivity },
  tenantId: config.tenantId,
  concurrency: config.concurrency,
};
