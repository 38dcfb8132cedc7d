import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { deps, logger } from './composition';
import { createReconciliationHandler } from './create-handler';

/** The raw handler (tests build their own with `createReconciliationHandler`). */
export const reconcile = createReconciliationHandler(deps);

/** EventBridge Scheduler, daily per tenant (America/Sao_Paulo). */
export const handler = middy(reconcile).use(injectLambdaContext(logger));
