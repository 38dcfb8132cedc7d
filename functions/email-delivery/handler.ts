import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { deps, logger, metrics } from './composition';
import { createEmailDeliveryHandler } from './create-handler';

/** The raw handler (tests build their own with `createEmailDeliveryHandler`). */
export const deliverEmail = createEmailDeliveryHandler(deps);

/** SQS (e-mail delivery queue) → SESv2 SendEmail, with partial batch responses. */
export const handler = middy(deliverEmail).use(injectLambdaContext(logger)).use(logMetrics(metrics));
