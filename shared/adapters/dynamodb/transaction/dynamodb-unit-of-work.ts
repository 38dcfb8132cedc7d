import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '#adapters/dynamodb/document-client';
import type { TransactionContext, UnitOfWork } from '#application/ports/unit-of-work';
import { commitTransaction } from './commit-transaction';
import { TransactionBuilder } from './transaction-builder';

/** `UnitOfWork` on one DynamoDB table: stages into a `TransactionBuilder`, commits with one TransactWriteItems. */
export class DynamoDbUnitOfWork implements UnitOfWork {
  private readonly client: DynamoDBDocumentClient;

  constructor(
    private readonly tableName: string,
    client?: DynamoDBDocumentClient,
  ) {
    this.client = client ?? createDocumentClient();
  }

  async run<T>(work: (tx: TransactionContext) => Promise<T>): Promise<T> {
    const builder = new TransactionBuilder(this.tableName);
    const result = await work(builder);
    await commitTransaction(this.client, builder);
    return result;
  }
}
