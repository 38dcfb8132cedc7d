import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { PaymentDependencies } from '#application/payments/payment-dependencies';
import { processProviderEvent } from '#application/payments/process-provider-event';
import type { ProviderEventStore } from '#application/payments/provider-event-store';
import { storedEventOf } from './stream-record.schema';

export type PaytimeEventProcessorDependencies = PaymentDependencies & { events: ProviderEventStore };

export type PaytimeEventProcessorHandler = (
  event: DynamoDBStreamEvent,
  context: Context,
) => Promise<DynamoDBBatchResponse>;

/**
 * Stored Paytime events from the table's stream: each one re-reads its billet at Paytime and settles the
 * boleto (`processProviderEvent`). A record that fails (Paytime down, a lost race beyond its retries) is
 * reported in `batchItemFailures`; Lambda retries from it, and re-processing a record is harmless.
 */
export function createPaytimeEventProcessorHandler(
  deps: PaytimeEventProcessorDependencies,
): PaytimeEventProcessorHandler {
  const processor = new BatchProcessor(EventType.DynamoDBStreams);
  const processRecord = async (record: DynamoDBRecord): Promise<void> => {
    const stored = storedEventOf(record);
    if (stored) await processProviderEvent(deps, stored);
  };
  return (event, context) =>
    processPartialResponse(event, processRecord, processor, { context, throwOnFullBatchFailure: false });
}
