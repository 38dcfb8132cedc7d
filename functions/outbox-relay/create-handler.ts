import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { OutboxLogger } from '#application/outbox/outbox-logger';
import { relayOutboxMessage } from '#application/outbox/relay-outbox-message';
import type { OutboxPublisher } from '#application/ports/outbox-queue';
import { relayedItemOf } from './stream-record.schema';

export interface OutboxRelayDeps {
  publisher: OutboxPublisher;
  logger?: OutboxLogger;
}

export type OutboxRelayHandler = (
  event: DynamoDBStreamEvent,
  context: Context,
) => Promise<DynamoDBBatchResponse>;

/**
 * The raw relay handler: each outbox INSERT in the stream batch becomes a pointer on its channel's queue.
 * A record that fails (queue down, malformed item) is reported in `batchItemFailures` by its sequence number;
 * Lambda retries from the first failed record (records after it may be published again: harmless).
 */
export function createOutboxRelayHandler(deps: OutboxRelayDeps): OutboxRelayHandler {
  const processor = new BatchProcessor(EventType.DynamoDBStreams);
  const relayRecord = async (record: DynamoDBRecord): Promise<void> => {
    const item = relayedItemOf(record);
    if (!item) return;
    const result = await relayOutboxMessage(deps.publisher, item);
    deps.logger?.debug('outbox item relayed', { outboxId: item.id, channel: item.channel, result });
  };
  return (event, context) =>
    processPartialResponse(event, relayRecord, processor, { context, throwOnFullBatchFailure: false });
}
