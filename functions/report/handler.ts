import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { deps, logger } from './composition';
import { createReportHandler } from './create-handler';

/** The raw handler (tests build their own with `createReportHandler`). */
export const report = createReportHandler(deps);

/** EventBridge Scheduler: the tenant's report schedule (monthly on days 1-7, or every Monday; São Paulo). */
export const handler = middy(report).use(injectLambdaContext(logger));
