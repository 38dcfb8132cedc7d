import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { deps, logger, metrics } from './composition';
import { createWhatsAppDeliveryHandler } from './create-handler';

/** The raw handler (tests build their own with `createWhatsAppDeliveryHandler`). */
export const deliverWhatsApp = createWhatsAppDeliveryHandler(deps);

/** SQS (WhatsApp delivery queue) → WhatsApp Cloud API, with partial batch responses. */
export const handler = middy(deliverWhatsApp).use(injectLambdaContext(logger)).use(logMetrics(metrics));
