import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { StatementProjection } from '#application/ports/statement-projection';
import { projectStatement, type StatementSource } from '#application/statements/project-statement';
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
 * reported in `batchItemFailures`; re-processing any record is harmless (versioned, conditional puts). The
 * statement's summary is recomputed once per contact per batch, by that contact's last record: a batch
 * importing 100 boletos of one payer reads the partition once, not 100 times. If that record fails it is
 * retried and recomputes; an earlier record that failed is the last of its contact in the retried batch.
 */
export function createStatementProjectorHandler(
  deps: StatementProjectorDependencies,
): StatementProjectorHandler {
  const processor = new BatchProcessor(EventType.DynamoDBStreams);
  return (event, context) => {
    const sources = new Map<DynamoDBRecord, StatementSource | undefined>();
    const lastOfContact = new Map<string, DynamoDBRecord>();
    for (const record of event.Records) {
      try {
        const source = statementSourceOf(record);
        sources.set(record, source);
        if (source) lastOfContact.set(contactKeyOf(source), record);
      } catch {
        // A malformed image: its own processing below throws again and fails that record alone.
      }
    }
    const processRecord = async (record: DynamoDBRecord): Promise<void> => {
      const source = sources.has(record) ? sources.get(record) : statementSourceOf(record);
      if (!source) return;
      await projectStatement(deps.statements, source, {
        refreshSummary: lastOfContact.get(contactKeyOf(source)) === record,
      });
    };
    // In order, one at a time: a contact's last record recomputes after its earlier records' lines are written.
    return processPartialResponse(event, processRecord, processor, {
      context,
      throwOnFullBatchFailure: false,
      processInParallel: false,
    });
  };
}

function contactKeyOf(source: StatementSource): string {
  const { tenantId, contactId } = source.kind === 'boleto' ? source.boleto : source.payment;
  return JSON.stringify([tenantId, contactId]);
}
