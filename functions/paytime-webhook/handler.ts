import { deps, logger } from './composition';
import { createPaytimeWebhookHandler, wrapPaytimeWebhookHandler } from './create-handler';

/** The raw handler (tests build their own with `createPaytimeWebhookHandler`). */
export const receivePaytimeWebhook = createPaytimeWebhookHandler(deps);

/** API Gateway HTTP API (payload 2.0), `POST /webhooks/paytime`. */
export const handler = wrapPaytimeWebhookHandler(deps, logger);
