import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbBoletoActivityLog } from '#adapters/dynamodb/dynamodb-boleto-activity-log';
import { DynamoDbBoletoRepository } from '#adapters/dynamodb/dynamodb-boleto-repository';
import { DynamoDbContactRepository } from '#adapters/dynamodb/dynamodb-contact-repository';
import { DynamoDbTenantRepository } from '#adapters/dynamodb/dynamodb-tenant-repository';
import { DynamoDbUserRepository } from '#adapters/dynamodb/dynamodb-user-repository';
import { DynamoDbUnitOfWork } from '#adapters/dynamodb/transaction/dynamodb-unit-of-work';
import { DynamoDbCustomerWindowStore } from './dynamodb-customer-window-store';
import { DynamoDbOutboxRepository } from './dynamodb-outbox-repository';

/** Everything the outbox functions read and write in the table, on one document client. */
export function createOutboxPersistence(tableName: string, client: DynamoDBDocumentClient) {
  return {
    outbox: new DynamoDbOutboxRepository(tableName, client),
    boletos: new DynamoDbBoletoRepository(tableName, client),
    boletoActivity: new DynamoDbBoletoActivityLog(tableName, client),
    unitOfWork: new DynamoDbUnitOfWork(tableName, client),
    contacts: new DynamoDbContactRepository(tableName, client),
    tenants: new DynamoDbTenantRepository(tableName, client),
    users: new DynamoDbUserRepository(tableName, client),
    windows: new DynamoDbCustomerWindowStore(tableName, client),
  };
}

export type OutboxPersistence = ReturnType<typeof createOutboxPersistence>;
