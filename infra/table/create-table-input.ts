import type { CreateTableCommandInput, UpdateTimeToLiveCommandInput } from '@aws-sdk/client-dynamodb';
import { IRIS_TABLE, indexNames, keyAttributeNames } from '#adapters/dynamodb/table-design';

/**
 * The table as a `CreateTable` request, for DynamoDB Local (tests, local cloud). DynamoDB sets TTL with a
 * separate call, so pair it with `toUpdateTimeToLiveInput`.
 */
export function toCreateTableInput(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: IRIS_TABLE.billingMode,
    AttributeDefinitions: keyAttributeNames().map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: IRIS_TABLE.partitionKey, KeyType: 'HASH' },
      { AttributeName: IRIS_TABLE.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: indexNames().map((indexName) => {
      const index = IRIS_TABLE.globalSecondaryIndexes[indexName];
      return {
        IndexName: indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      };
    }),
    StreamSpecification: { StreamEnabled: true, StreamViewType: IRIS_TABLE.streamViewType },
  };
}

export function toUpdateTimeToLiveInput(tableName: string): UpdateTimeToLiveCommandInput {
  return {
    TableName: tableName,
    TimeToLiveSpecification: { Enabled: true, AttributeName: IRIS_TABLE.timeToLiveAttribute },
  };
}
