import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import {
  type LedgerProjectionDependencies,
  ledgerStreamProjector,
} from '#application/ledger/project-ledger-stream';
import { ledgerSourceOf } from './stream-record.schema';

export type LedgerProjectorDependencies = LedgerProjectionDependencies;

export type LedgerProjectorHandler = (
  event: DynamoDBStreamEvent,
  context: Context,
) => Promise<DynamoDBBatchResponse>;

/**
 * Ledger entries and boletos from the table's stream onto the month figures, the late-payment lines and the
 * budget alerts. A failed record is reported in `batchItemFailures`; re-processing any record is harmless.
 */
export function createLedgerProjectorHandler(deps: LedgerProjectorDependencies): LedgerProjectorHandler {
  const processor = new BatchProcessor(EventType.DynamoDBStreams);
  return (event, context) => {
    // One projector per batch: a month touched by many records of the batch is recomputed once.
    const project = ledgerStreamProjector(deps);
    const processRecord = async (record: DynamoDBRecord): Promise<void> => {
      const source = ledgerSourceOf(record);
      if (source) await project(source);
    };
    return processPartialResponse(event, processRecord, processor, {
      context,
      throwOnFullBatchFailure: false,
    });
  };
}
