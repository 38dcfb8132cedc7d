import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { deps, logger } from './composition';
import { createPaytimeWebhookHandler } from './create-handler';

/** The raw handler (tests build their own with `createPaytimeWebhookHandler`). */
export const receivePaytimeWebhook = createPaytimeWebhookHandler(deps);

/**
 * API Gateway HTTP API (payload 2.0), `POST /webhooks/paytime`. Powertools' correlationIdPath needs a JMESPath
 * search function; API Gateway's request id is simply set.
 */
export const handler = middy(receivePaytimeWebhook)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .before(({ event }: { event: APIGatewayProxyEventV2 }) => {
    logger.setCorrelationId(event.requestContext?.requestId);
  });
