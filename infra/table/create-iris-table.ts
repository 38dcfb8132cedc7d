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
  options: { timeoutMs?: number } = {},
): Promise<void> {
  await client.send(new CreateTableCommand(toCreateTableInput(tableName)));
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === 'ACTIVE') break;
    if (Date.now() > deadline) throw new Error(`table ${tableName} did not become ACTIVE in time`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await client.send(new UpdateTimeToLiveCommand(toUpdateTimeToLiveInput(tableName)));
}
