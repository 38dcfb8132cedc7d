import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { StatementProjection } from '#application/ports/statement-projection';
import { projectStatement } from '#application/statements/project-statement';
import { statementSourceOf } from './stream-record.schema';

export interface StatementProjectorDependencies {
  statements: StatementProjection;
}

export type StatementProjectorHandler = (
  event: DynamoDBStreamEvent,
  context: Context,
) => Promise<DynamoDBBatchResponse>;

/**
 * Boletos and payments from the table's stream onto their contact's statement lines. A failed record is
 * reported in `batchItemFailures`; re-processing any record is harmless (versioned, conditional puts).
 */
export function createStatementProjectorHandler(
  deps: StatementProjectorDependencies,
): StatementProjectorHandler {
  const processor = new BatchProcessor(EventType.DynamoDBStreams);
  const processRecord = async (record: DynamoDBRecord): Promise<void> => {
    const source = statementSourceOf(record);
    if (source) await projectStatement(deps.statements, source);
  };
  return (event, context) =>
    processPartialResponse(event, processRecord, processor, { context, throwOnFullBatchFailure: false });
}
