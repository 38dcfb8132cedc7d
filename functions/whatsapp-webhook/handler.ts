import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { deps, logger } from './composition';
import { createWhatsAppWebhookHandler } from './create-handler';

/** The raw handler (tests build their own with `createWhatsAppWebhookHandler`). */
export const receiveWhatsAppWebhook = createWhatsAppWebhookHandler(deps);

/** API Gateway HTTP API → GET/POST /webhooks/whatsapp. */
export const handler = middy(receiveWhatsAppWebhook).use(injectLambdaContext(logger, { resetKeys: true }));
