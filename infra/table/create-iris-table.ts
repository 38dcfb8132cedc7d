import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { toCreateTableInput, toUpdateTimeToLiveInput } from './create-table-input';

/**
 * Creates the IRIS table (with TTL enabled) in a DynamoDB endpoint that is not managed by CloudFormation:
 * DynamoDB Local in tests and in the local cloud. Resolves once the table is ACTIVE.
 */
export async function createIrisTable(
  client: DynamoDBClient,
  tableName: string,
  options: { timeoutMs?: number; stream?: boolean } = {},
): Promise<void> {
  const input = toCreateTableInput(tableName);
  // Without the stream only for tests that read no stream: DynamoDB Local keeps every stream's records for the
  // life of its JVM (deleting the table does not free them) and each write gets slower as they pile up.
  if (options.stream === false) delete input.StreamSpecification;
  await client.send(new CreateTableCommand(input));
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === 'ACTIVE') break;
    if (Date.now() > deadline) throw new Error(`table ${tableName} did not become ACTIVE in time`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await client.send(new UpdateTimeToLiveCommand(toUpdateTimeToLiveInput(tableName)));
}
