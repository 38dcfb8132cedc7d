import { randomUUID } from 'node:crypto';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { createDocumentClient } from '#adapters/dynamodb/document-client';
import { createIrisTable } from '#infra/table/create-iris-table';

export interface TestTable {
  /** Unique per call, so test files running in parallel never share data. */
  tableName: string;
  client: DynamoDBClient;
  /** The document client the adapters use (built on `client`, so `recordCommands(client)` sees its calls). */
  documentClient: DynamoDBDocumentClient;
  drop(): Promise<void>;
}

/** A client for the DynamoDB Local started by the global setup (dummy credentials, us-east-1). */
export function createLocalDynamoDbClient(): DynamoDBClient {
  return new DynamoDBClient({
    endpoint: inject('dynamoDbEndpoint'),
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
}

/**
 * Creates a fresh IRIS table in DynamoDB Local from the same definition the CDK stack deploys
 * (`toCreateTableInput` + TTL). Call it in `beforeAll` and `drop()` it in `afterAll`.
 */
export async function createTestTable(prefix = 'iris-test'): Promise<TestTable> {
  const tableName = `${prefix}-${randomUUID()}`;
  const client = createLocalDynamoDbClient();
  await createIrisTable(client, tableName);
  return {
    tableName,
    client,
    documentClient: createDocumentClient(client),
    async drop() {
      await client.send(new DeleteTableCommand({ TableName: tableName }));
      client.destroy();
    },
  };
}
