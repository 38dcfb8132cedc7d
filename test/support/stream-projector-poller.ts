import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { inject } from 'vitest';
import type { DynamoDbStatementProjection } from '#adapters/dynamodb/statements/dynamodb-statement-projection';
import { STATEMENT_STREAM_FILTER_PATTERN } from '#adapters/dynamodb/statements/statement-stream-filter';
import { createStatementProjectorHandler } from '#functions/statement-projector/create-handler';
import { DynamoDbStreamPoller, type FilterPattern } from '#infra/local/emulators/dynamodb-streams/index';
import type { TestTable } from './dynamodb-test-table';

/**
 * A projector fed by a test table's stream, as the local cloud feeds it (the real poller, the function's own
 * filter): every record it was given is kept in `records` (for replays), and `settle` waits until it has
 * processed everything written so far. Stop the poller in `afterAll`.
 */
export async function startProjectorPoller(
  table: TestTable,
  projector: {
    name: string;
    filterPattern: FilterPattern;
    handler: (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;
  },
) {
  const records: DynamoDBRecord[] = [];
  const poller = new DynamoDbStreamPoller({
    tableName: table.tableName,
    endpoint: inject('dynamoDbEndpoint'),
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    pollIntervalMs: 20,
  });
  await poller.subscribe({
    name: projector.name,
    filterPatterns: [projector.filterPattern],
    startingPosition: 'TRIM_HORIZON',
    handler: async (event) => {
      records.push(...event.Records);
      return projector.handler(event);
    },
  });
  await poller.start();
  const settle = async (): Promise<void> => {
    await new Promise((resolve) => setTimeout(resolve, 150));
    await poller.idle();
  };
  return { poller, records, settle };
}

/** The statement projector (its handler and filter) on a test table's stream, writing to `statements`. */
export function startStatementProjectorPoller(table: TestTable, statements: DynamoDbStatementProjection) {
  const handler = createStatementProjectorHandler({ statements });
  const context = { functionName: 'statement-projector' } as never;
  return startProjectorPoller(table, {
    name: 'statement-projector',
    filterPattern: STATEMENT_STREAM_FILTER_PATTERN,
    handler: (event) => handler(event, context),
  });
}
