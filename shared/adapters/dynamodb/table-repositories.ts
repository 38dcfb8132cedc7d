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
import { DynamoDbEmailEventRepository } from './email/dynamodb-email-event-repository';
import { DynamoDbBudgetRepository } from './finance/dynamodb-budget-repository';
import { DynamoDbCategoryRuleRepository } from './finance/dynamodb-category-rule-repository';
import { DynamoDbLatePaymentLines, DynamoDbLedgerAggregates } from './finance/dynamodb-ledger-aggregates';
import { DynamoDbReceiptProposalRepository } from './finance/dynamodb-receipt-proposal-repository';
import { DynamoDbRecurringExpenseRepository } from './finance/dynamodb-recurring-expense-repository';
import { DynamoDbCustomerWindowStore } from './outbox/dynamodb-customer-window-store';
import { DynamoDbOutboxRepository } from './outbox/dynamodb-outbox-repository';
import { DynamoDbPayerThreadRepository } from './payers/dynamodb-payer-thread-repository';
import { DynamoDbProviderEventStore } from './payments/dynamodb-provider-event-store';
import { DynamoDbReconciliationRunStore } from './payments/dynamodb-reconciliation-run-store';
import { DynamoDbRecurringPlanRepository } from './recurring/dynamodb-recurring-plan-repository';
import { DynamoDbReminderTurnLog } from './reminders/dynamodb-reminder-turn-log';
import { DynamoDbReportRepository } from './reports/dynamodb-report-repository';
import { DynamoDbStatementProjection } from './statements/dynamodb-statement-projection';
import { DynamoDbUnitOfWork } from './transaction/dynamodb-unit-of-work';
import { DynamoDbWebhookDeliveryStore } from './webhooks/dynamodb-webhook-delivery-store';

/**
 * Every repository over the one table, sharing one document client: the one wiring helper a function's
 * composition calls (each takes the repositories its use cases need; building one is constructing an object).
 * The client finds DynamoDB through the SDK's standard chain (`AWS_ENDPOINT_URL_DYNAMODB` locally).
 */
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
    ledgerAggregates: new DynamoDbLedgerAggregates(tableName, client),
    latePayments: new DynamoDbLatePaymentLines(tableName, client),
    budgets: new DynamoDbBudgetRepository(tableName, client),
    outbox: new DynamoDbOutboxRepository(tableName, client),
    emailEvents: new DynamoDbEmailEventRepository(tableName, client),
    customerWindow: new DynamoDbCustomerWindowStore(tableName, client),
    conversations: new DynamoDbConversationRepository(tableName, client),
    inbound: new DynamoDbInboundMessageRepository(tableName, client),
    payerThreads: new DynamoDbPayerThreadRepository(tableName, client),
    recurringPlans: new DynamoDbRecurringPlanRepository(tableName, client),
    statements: new DynamoDbStatementProjection(tableName, client),
    receiptProposals: new DynamoDbReceiptProposalRepository(tableName, client),
    categoryRules: new DynamoDbCategoryRuleRepository(tableName, client),
    recurringExpenses: new DynamoDbRecurringExpenseRepository(tableName, client),
    unitOfWork: new DynamoDbUnitOfWork(tableName, client),
    reminderLog: new DynamoDbReminderTurnLog(tableName, client),
    providerEvents: new DynamoDbProviderEventStore(tableName, client),
    reconciliationRuns: new DynamoDbReconciliationRunStore(tableName, client),
    webhookDeliveries: new DynamoDbWebhookDeliveryStore(tableName, client),
    reports: new DynamoDbReportRepository(tableName, client),
  };
}

export type TableRepositories = ReturnType<typeof createTableRepositories>;
