import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { DeliveryOutcome } from '#application/outbox/deliver-outbox-message';
import type { OutboxLogger } from '#application/outbox/outbox-logger';
import {
  DeliveryPostponedError,
  type ProcessQueuedDeliveryDeps,
  processQueuedDelivery,
} from '#application/outbox/process-queued-delivery';
import { parseOutboxQueueMessage } from './outbox-queue-message.schema';

export type DeliveryBatchHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

export interface DeliveryBatchHandlerDeps extends ProcessQueuedDeliveryDeps {
  /** Rejects pointers of another channel that reached this queue by mistake. */
  channel: 'whatsapp' | 'email';
  logger?: OutboxLogger;
  /** Told every settled outcome (the composition counts `sent` and `failed` as business metrics). */
  onOutcome?: (outcome: DeliveryOutcome) => void;
}

/**
 * An SQS-fed delivery function: Powertools partial batch processing, one record at a time. A record that
 * throws is reported in `batchItemFailures` and comes back after the visibility the use case chose (backoff
 * or deferral); the others are deleted. The delivery queues are standard queues (`infra/constructs/delivery-queue.ts`).
 */
export function createDeliveryBatchHandler(deps: DeliveryBatchHandlerDeps): DeliveryBatchHandler {
  const handleRecord = async (record: SQSRecord): Promise<void> => {
    const message = parseOutboxQueueMessage(record.body);
    if (message.channel !== deps.channel) {
      throw new Error(`a ${message.channel} message reached the ${deps.channel} delivery queue`);
    }
    const receiveCount = Number(record.attributes.ApproximateReceiveCount ?? '1');
    try {
      const outcome = await processQueuedDelivery(deps, {
        message,
        receiptHandle: record.receiptHandle,
        receiveCount: Number.isFinite(receiveCount) && receiveCount >= 1 ? receiveCount : 1,
      });
      deps.logger?.info('outbox delivery processed', { outboxId: message.outboxId, outcome: outcome.kind });
      deps.onOutcome?.(outcome);
    } catch (error) {
      if (error instanceof DeliveryPostponedError) {
        deps.logger?.info('outbox delivery postponed', {
          outboxId: message.outboxId,
          seconds: error.seconds,
        });
      } else {
        deps.logger?.warn('outbox delivery attempt failed', {
          outboxId: message.outboxId,
          receiveCount,
          error,
        });
      }
      throw error;
    }
  };
  // A processor per invocation: it holds the batch's records and failures, so sharing one between concurrent
  // invocations of this handler (the local cloud runs them in one process) would mix their batches.
  return (event, context) =>
    processPartialResponse(event, handleRecord, new BatchProcessor(EventType.SQS), {
      context,
      throwOnFullBatchFailure: false,
    });
}
