import { DescribeTableCommand, DescribeTimeToLiveCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { ScanCommand as DocumentScanCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IRIS_TABLE } from '#adapters/dynamodb/table-design';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';
import { expectNoScan, recordCommands } from '#test/support/record-commands';

describe('DynamoDB test harness', () => {
  let table: TestTable;

  beforeAll(async () => {
    table = await createTestTable();
  });

  afterAll(async () => {
    await table.drop();
  });

  it('creates the table in DynamoDB Local from the one table definition', async () => {
    const { Table } = await table.client.send(new DescribeTableCommand({ TableName: table.tableName }));
    expect(Table?.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual(
      Object.keys(IRIS_TABLE.globalSecondaryIndexes).sort(),
    );
    // No stream unless asked for (see createTestTable); the stack's stream settings are checked on a table that asks.
    expect(Table?.StreamSpecification).toBeUndefined();
    const streamed = await createTestTable('iris-test', { stream: true });
    try {
      const described = await streamed.client.send(
        new DescribeTableCommand({ TableName: streamed.tableName }),
      );
      expect(described.Table?.StreamSpecification).toEqual({
        StreamEnabled: true,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      });
    } finally {
      await streamed.drop();
    }
    const ttl = await table.client.send(new DescribeTimeToLiveCommand({ TableName: table.tableName }));
    expect(ttl.TimeToLiveDescription).toMatchObject({
      AttributeName: 'expiresAt',
      TimeToLiveStatus: 'ENABLED',
    });
  });

  it('gives every call a table of its own', async () => {
    const other = await createTestTable();
    try {
      expect(other.tableName).not.toBe(table.tableName);
    } finally {
      await other.drop();
    }
  });

  it('detects a Scan sent through the low-level client', async () => {
    const recorded = recordCommands(table.client);
    await table.client.send(new ScanCommand({ TableName: table.tableName, Limit: 1 }));
    expect(recorded).toEqual(['ScanCommand']);
    expect(() => expectNoScan(recorded)).toThrow(/a Scan was issued/);
  });

  it('detects a Scan sent through the document client and lets a Query pass', async () => {
    const recorded = recordCommands(table.client);
    await table.documentClient.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'T#nobody#CONTACTS' },
      }),
    );
    expectNoScan(recorded);
    await table.documentClient.send(new DocumentScanCommand({ TableName: table.tableName, Limit: 1 }));
    expect(recorded).toEqual(['QueryCommand', 'ScanCommand']);
    expect(() => expectNoScan(recorded)).toThrow(/a Scan was issued/);
  });
});
