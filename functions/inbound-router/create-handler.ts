import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import {
  type ReceiveWhatsAppDependencies,
  receiveWhatsAppEvents,
} from '#application/webhooks/receive-whatsapp-events';
import { parseWhatsAppWebhook } from '#webhooks/whatsapp/parse-webhook';
import { storedDeliveryOf } from './stream-record.schema';

export interface InboundRouterDependencies {
  receive: ReceiveWhatsAppDependencies;
  logger: Logger;
}

export type InboundRouterHandler = (
  event: DynamoDBStreamEvent,
  context: Context,
) => Promise<DynamoDBBatchResponse>;

/**
 * Stored WhatsApp deliveries from the table's stream (the webhook's only write): each is parsed again and
 * routed (`receiveWhatsAppEvents`: tenant, sender, message guard, customer window, workflow, status callbacks,
 * identity changes, payers' messages). A delivery whose routing fails (an item failed for an infrastructure
 * reason) is reported in `batchItemFailures`; Lambda retries from it, and routing it again changes nothing
 * already done (the inbound message guard, deterministic execution names).
 */
export function createInboundRouterHandler(deps: InboundRouterDependencies): InboundRouterHandler {
  const processor = new BatchProcessor(EventType.DynamoDBStreams);
  const processRecord = async (record: DynamoDBRecord): Promise<void> => {
    const stored = storedDeliveryOf(record);
    if (!stored) return;
    // The delivery id (a hash of the body) correlates this routing with the webhook's "webhook stored" line.
    deps.logger.appendKeys({ deliveryId: stored.deliveryId });
    try {
      const summary = await receiveWhatsAppEvents(deps.receive, parseWhatsAppWebhook(stored.body));
      deps.logger.info('webhook handled', { summary });
    } finally {
      deps.logger.removeKeys(['deliveryId']);
    }
  };
  return (event, context) =>
    processPartialResponse(event, processRecord, processor, { context, throwOnFullBatchFailure: false });
}
