import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbConversationRepository } from './conversation/dynamodb-conversation-repository';
import { DynamoDbInboundMessageRepository } from './conversation/dynamodb-inbound-message-repository';
import { createDocumentClient } from './document-client';
import { DynamoDbBoletoActivityLog } from './dynamodb-boleto-activity-log';
import { DynamoDbBoletoRepository } from './dynamodb-boleto-repository';
import { DynamoDbContactRepository } from './dynamodb-contact-repository';
import { DynamoDbLedgerRepository } from './dynamodb-ledger-repository';
import { DynamoDbPaymentRepository } from './dynamodb-payment-repository';
import { DynamoDbTenantRepository } from './dynamodb-tenant-repository';
import { DynamoDbUserRepository } from './dynamodb-user-repository';
import { DynamoDbReceiptProposalRepository } from './finance/dynamodb-receipt-proposal-repository';
import { DynamoDbCustomerWindowStore } from './outbox/dynamodb-customer-window-store';
import { DynamoDbOutboxRepository } from './outbox/dynamodb-outbox-repository';
import { DynamoDbPayerThreadRepository } from './payers/dynamodb-payer-thread-repository';
import { DynamoDbUnitOfWork } from './transaction/dynamodb-unit-of-work';

/** Every repository over the one table, sharing one document client: what a function's composition needs. */
export function createTableRepositories(
  tableName: string,
  client: DynamoDBDocumentClient = createDocumentClient(),
) {
  return {
    tenants: new DynamoDbTenantRepository(tableName, client),
    users: new DynamoDbUserRepository(tableName, client),
    contacts: new DynamoDbContactRepository(tableName, client),
    boletos: new DynamoDbBoletoRepository(tableName, client),
    boletoActivity: new DynamoDbBoletoActivityLog(tableName, client),
    payments: new DynamoDbPaymentRepository(tableName, client),
    ledger: new DynamoDbLedgerRepository(tableName, client),
    outbox: new DynamoDbOutboxRepository(tableName, client),
    customerWindow: new DynamoDbCustomerWindowStore(tableName, client),
    conversations: new DynamoDbConversationRepository(tableName, client),
    inbound: new DynamoDbInboundMessageRepository(tableName, client),
    payerThreads: new DynamoDbPayerThreadRepository(tableName, client),
    receiptProposals: new DynamoDbReceiptProposalRepository(tableName, client),
    unitOfWork: new DynamoDbUnitOfWork(tableName, client),
  };
}

export type TableRepositories = ReturnType<typeof createTableRepositories>;
