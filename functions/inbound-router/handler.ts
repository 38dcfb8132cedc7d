import { deps } from './composition';
import { wrapInboundRouterHandler } from './create-handler';

/** DynamoDB Streams, filtered to stored WhatsApp deliveries (`WHATSAPP_DELIVERY_STREAM_FILTER_PATTERN`). */
export const handler = wrapInboundRouterHandler(deps);
