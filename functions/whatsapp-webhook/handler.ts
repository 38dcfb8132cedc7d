import { deps } from './composition';
import { wrapWhatsAppWebhookHandler } from './create-handler';

/** API Gateway HTTP API → GET/POST /webhooks/whatsapp. */
export const handler = wrapWhatsAppWebhookHandler(deps);
