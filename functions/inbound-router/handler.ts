import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { deps, logger } from './composition';
import { createInboundRouterHandler } from './create-handler';

/** The raw handler (tests build their own with `createInboundRouterHandler`). */
export const routeInbound = createInboundRouterHandler(deps);

/** DynamoDB Streams, filtered to stored WhatsApp deliveries (`WHATSAPP_DELIVERY_STREAM_FILTER_PATTERN`). */
export const handler = middy(routeInbound).use(injectLambdaContext(logger, { resetKeys: true }));
