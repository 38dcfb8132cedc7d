import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { deps, logger } from './composition';
import { createFinanceDailyHandler } from './create-handler';

/** The raw handler (tests build their own with `createFinanceDailyHandler`). */
export const checkFinanceDaily = createFinanceDailyHandler(deps);

/** EventBridge Scheduler, daily per tenant (America/Sao_Paulo): subscriptions expected this month. */
export const handler = middy(checkFinanceDaily).use(injectLambdaContext(logger));
