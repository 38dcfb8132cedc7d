import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import { createDocumentClient } from '#adapters/dynamodb/document-client';
import { DynamoDbBoletoActivityLog } from '#adapters/dynamodb/dynamodb-boleto-activity-log';
import { DynamoDbBoletoRepository } from '#adapters/dynamodb/dynamodb-boleto-repository';
import { DynamoDbContactRepository } from '#adapters/dynamodb/dynamodb-contact-repository';
import { DynamoDbLedgerRepository } from '#adapters/dynamodb/dynamodb-ledger-repository';
import { DynamoDbPaymentRepository } from '#adapters/dynamodb/dynamodb-payment-repository';
import { DynamoDbTenantRepository } from '#adapters/dynamodb/dynamodb-tenant-repository';
import { DynamoDbUserRepository } from '#adapters/dynamodb/dynamodb-user-repository';
import { DynamoDbOutboxRepository } from '#adapters/dynamodb/outbox/dynamodb-outbox-repository';
import { DynamoDbProviderEventStore } from '#adapters/dynamodb/payments/dynamodb-provider-event-store';
import { DynamoDbReconciliationRunStore } from '#adapters/dynamodb/payments/dynamodb-reconciliation-run-store';
import { DynamoDbReminderTurnLog } from '#adapters/dynamodb/reminders/dynamodb-reminder-turn-log';
import { DynamoDbUnitOfWork } from '#adapters/dynamodb/transaction/dynamodb-unit-of-work';
import { PaytimeBillingProvider } from '#adapters/paytime/paytime-billing-provider';
import { StepFunctionsWorkflows } from '#adapters/step-functions/step-functions-workflows';
import { systemClock } from '#adapters/system/system-clock';
import { TimeOrderedIdGenerator } from '#adapters/system/time-ordered-id-generator';
import type { PaymentDependencies } from '#application/payments/payment-dependencies';
import { type BillingProvider, BillingProviderUnavailableError } from '#application/ports/billing-provider';
import type { Clock } from '#application/ports/clock';
import type { Workflows } from '#application/ports/workflows';
import type { AppLogger } from '#logging/create-logger';
import { type FollowUpBaseConfig, PAYTIME_PROVIDER_NAME, type PaytimeApiConfig } from './follow-up-env';

/**
 * Builds the follow-up functions' adapters once, at cold start (each function's `composition.ts` calls it at
 * module scope): one DynamoDB document client for every repository, Paytime's adapter, Step Functions.
 */

export { PAYTIME_PROVIDER_NAME };

export interface FollowUpWiringInput extends FollowUpBaseConfig {
  paytime?: PaytimeApiConfig;
  reminderStateMachineArn?: string;
}

/** Stands in for the provider when a function has no Paytime access: every call is "unavailable". */
const NO_PROVIDER: BillingProvider = new Proxy({} as BillingProvider, {
  get: () => () => Promise.reject(new BillingProviderUnavailableError('no billing provider is configured')),
});

/** Stands in for Step Functions when a function may not stop loops (the reminder step ends its own). */
const NO_WORKFLOWS: Pick<Workflows, 'stopReminderLoop'> = { stopReminderLoop: async () => undefined };

export function wireFollowUp(config: FollowUpWiringInput, logger: AppLogger, clock: Clock = systemClock) {
  const dynamoDb = new DynamoDBClient(config.dynamoDbEndpoint ? { endpoint: config.dynamoDbEndpoint } : {});
  const client = createDocumentClient(dynamoDb);
  const table = config.tableName;
  const billing = config.paytime
    ? new PaytimeBillingProvider({
        baseUrl: config.paytime.baseUrl,
        integrationKey: config.paytime.integrationKey,
        authenticationKey: config.paytime.authenticationKey,
        xToken: config.paytime.xToken,
        clock,
      })
    : NO_PROVIDER;
  const workflows = config.reminderStateMachineArn
    ? new StepFunctionsWorkflows({
        reminderLoopStateMachineArn: config.reminderStateMachineArn,
        client: new SFNClient(config.stepFunctionsEndpoint ? { endpoint: config.stepFunctionsEndpoint } : {}),
      })
    : NO_WORKFLOWS;
  const payments: PaymentDependencies = {
    boletos: new DynamoDbBoletoRepository(table, client),
    boletoActivity: new DynamoDbBoletoActivityLog(table, client),
    contacts: new DynamoDbContactRepository(table, client),
    tenants: new DynamoDbTenantRepository(table, client),
    users: new DynamoDbUserRepository(table, client),
    payments: new DynamoDbPaymentRepository(table, client),
    ledger: new DynamoDbLedgerRepository(table, client),
    outbox: new DynamoDbOutboxRepository(table, client),
    unitOfWork: new DynamoDbUnitOfWork(table, client),
    billing,
    workflows,
    clock,
    logger,
    providerName: PAYTIME_PROVIDER_NAME,
  };
  return {
    payments,
    hasProvider: config.paytime !== undefined,
    reminderLog: new DynamoDbReminderTurnLog(table, client),
    boletoActivity: new DynamoDbBoletoActivityLog(table, client),
    events: new DynamoDbProviderEventStore(table, client),
    runs: new DynamoDbReconciliationRunStore(table, client),
    ids: new TimeOrderedIdGenerator(clock),
  };
}
