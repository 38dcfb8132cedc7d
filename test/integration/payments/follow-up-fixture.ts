import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { ScanCommand as DocumentScanCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { inject } from 'vitest';
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
import { providerEventKey } from '#adapters/dynamodb/payments/provider-event-entity';
import { DynamoDbReminderTurnLog } from '#adapters/dynamodb/reminders/dynamodb-reminder-turn-log';
import { DynamoDbUnitOfWork } from '#adapters/dynamodb/transaction/dynamodb-unit-of-work';
import { PaytimeBillingProvider } from '#adapters/paytime/paytime-billing-provider';
import { TimeOrderedIdGenerator } from '#adapters/system/time-ordered-id-generator';
import type { PaymentDependencies } from '#application/payments/payment-dependencies';
import type { ProviderEvent, ProviderEventStore } from '#application/payments/provider-event-store';
import type { Contact } from '#application/ports/contact-repository';
import type { Workflows } from '#application/ports/workflows';
import type { ReminderDependencies } from '#application/reminders/reminder-dependencies';
import { type Boleto, markSent, registerBoleto, requestBoleto } from '#domain/boleto';
import { addDays, type CalendarDate, saoPauloDateOf } from '#domain/calendar-date';
import { LEGAL_MAXIMUM_POLICY } from '#domain/interest-policy';
import { normalizePhone } from '#domain/phone-number';
import { DEFAULT_REMINDER_WINDOW } from '#domain/reminder-window';
import { parseTaxId } from '#domain/tax-id';
import { createPaytimeEventProcessorHandler } from '#functions/paytime-event-processor/create-handler';
import { createPaytimeWebhookHandler } from '#functions/paytime-webhook/create-handler';
import { createLambdaContext } from '#infra/local/emulators/lambda-context';
import { VirtualClock } from '#infra/local/emulators/virtual-clock';
import {
  type RunningPaytimeSimulator,
  startPaytimeSimulator,
} from '#simulators/paytime/start-paytime-simulator';
import { aContact, uniqueId, uniqueTenantId } from '#test/support/dynamodb-fixtures';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';
import { recordCommands } from '#test/support/record-commands';
import { startApiGateway } from './webhook-gateway';

export const WEBHOOK_USER = 'paytime';
export const WEBHOOK_PASSWORD = 's3nh@:forte';
export const OWNER_PHONE = normalizePhone('(11) 99999-0000');

/** The text of an outbox item read from the table ('' when absent). */
export function textOf(item: Record<string, unknown> | undefined): string {
  return (item?.content as { text?: string } | undefined)?.text ?? '';
}

/** Quiet logger for the use cases (assertions look at the table, not the logs). */
export const silentLogger = { debug() {}, info() {}, warn() {}, error() {} };

/** Records stops instead of calling Step Functions. */
export function recordingWorkflows(): Pick<Workflows, 'stopReminderLoop'> & { stopped: string[] } {
  const stopped: string[] = [];
  return { stopped, stopReminderLoop: async (_tenant, boletoId) => void stopped.push(boletoId) };
}

export interface FixtureOptions {
  start: Date;
  workflows?: Pick<Workflows, 'stopReminderLoop'>;
}

/**
 * Everything the follow-up tests need on loopback: a fresh table in DynamoDB Local, the Paytime simulator on
 * the virtual clock sending its webhooks (Basic auth) to the real webhook handler behind a local API Gateway
 * stand-in, and the stored events handed to the real event-processor handler as the table's stream would.
 */
export async function startFollowUpFixture(options: FixtureOptions) {
  const table: TestTable = await createTestTable('iris-followup');
  const recorded = recordCommands(table.client);
  const clock = new VirtualClock({ start: options.start });
  const client = table.documentClient;
  const tenantId = uniqueTenantId();
  const recorder = recordingWorkflows();
  const workflows = options.workflows ?? recorder;
  const paytime: RunningPaytimeSimulator = await startPaytimeSimulator({ processingDelayMs: null, clock });
  const billing = new PaytimeBillingProvider({
    baseUrl: paytime.url,
    ...paytime.credentials,
    clock,
    timeoutMs: 3_000,
  });
  const deps: PaymentDependencies = {
    boletos: new DynamoDbBoletoRepository(table.tableName, client),
    boletoActivity: new DynamoDbBoletoActivityLog(table.tableName, client),
    contacts: new DynamoDbContactRepository(table.tableName, client),
    tenants: new DynamoDbTenantRepository(table.tableName, client),
    users: new DynamoDbUserRepository(table.tableName, client),
    payments: new DynamoDbPaymentRepository(table.tableName, client),
    ledger: new DynamoDbLedgerRepository(table.tableName, client),
    outbox: new DynamoDbOutboxRepository(table.tableName, client),
    unitOfWork: new DynamoDbUnitOfWork(table.tableName, client),
    billing,
    workflows,
    clock,
    logger: silentLogger,
    providerName: 'paytime',
  };
  const reminderDeps: ReminderDependencies = {
    ...deps,
    reminderLog: new DynamoDbReminderTurnLog(table.tableName, client),
    boletoActivity: new DynamoDbBoletoActivityLog(table.tableName, client),
  };
  const storedEvents = new DynamoDbProviderEventStore(table.tableName, client);
  const runs = new DynamoDbReconciliationRunStore(table.tableName, client);
  const ids = new TimeOrderedIdGenerator(clock);

  // The table's stream, played in-process: each stored event reaches the processor handler as an INSERT record.
  const processor = createPaytimeEventProcessorHandler({ ...deps, events: storedEvents });
  const inFlight = new Set<Promise<unknown>>();
  const streamed: string[] = [];
  const streamingEvents: ProviderEventStore = {
    get: (t, id) => storedEvents.get(t, id),
    markProcessed: (t, id, outcome, at) => storedEvents.markProcessed(t, id, outcome, at),
    async storeIfNew(event: ProviderEvent) {
      const outcome = await storedEvents.storeIfNew(event);
      if (outcome === 'stored') {
        streamed.push(event.eventId);
        const work = streamInsert(event.tenantId, event.eventId);
        inFlight.add(work);
        void work.finally(() => inFlight.delete(work));
      }
      return outcome;
    },
  };
  async function streamInsert(t: string, eventId: string) {
    const { pk, sk } = providerEventKey(t, eventId);
    const { Item } = await table.client.send(
      new GetItemCommand({
        TableName: table.tableName,
        Key: { pk: { S: pk }, sk: { S: sk } },
        ConsistentRead: true,
      }),
    );
    const event = {
      Records: [
        {
          eventID: uniqueId('stream'),
          eventName: 'INSERT',
          eventSource: 'aws:dynamodb',
          awsRegion: 'us-east-1',
          dynamodb: {
            Keys: { pk: { S: pk }, sk: { S: sk } },
            NewImage: Item,
            SequenceNumber: String(Date.now()),
            StreamViewType: 'NEW_AND_OLD_IMAGES',
          },
        },
      ],
    } as unknown as DynamoDBStreamEvent;
    const result = await processor(event, createLambdaContext({ functionName: 'paytime-event-processor' }));
    if (result.batchItemFailures.length > 0) throw new Error('the event processor reported a failure');
  }

  const webhookHandler = createPaytimeWebhookHandler({
    tenantId,
    events: streamingEvents,
    clock,
    providerName: 'paytime',
    credentials: async () => [{ user: WEBHOOK_USER, password: WEBHOOK_PASSWORD }],
    maxBodyBytes: 64 * 1024,
    logger: silentLogger,
  });
  const gateway = await startApiGateway(webhookHandler);
  paytime.controls.setWebhook({
    url: gateway.url,
    basicUser: WEBHOOK_USER,
    basicPassword: WEBHOOK_PASSWORD,
    retryDelayMs: 20,
  });

  await deps.tenants.saveProfile({
    tenantId,
    name: 'Escola Harmonia',
    limits: { maxBoletoAmountCents: 1_000_000, maxMessagesPerContactPerDay: 3 },
    interestPolicy: LEGAL_MAXIMUM_POLICY,
    reminderWindow: { ...DEFAULT_REMINDER_WINDOW, weekdays: [...DEFAULT_REMINDER_WINDOW.weekdays] },
    createdAt: options.start.toISOString(),
    updatedAt: options.start.toISOString(),
  });
  await deps.users.save({
    tenantId,
    phone: OWNER_PHONE,
    name: 'Ana (dona)',
    role: 'owner',
    createdAt: options.start.toISOString(),
  });

  let phoneSequence = 1000;
  async function newContact(overrides: Partial<Contact> = {}): Promise<Contact> {
    phoneSequence += 1;
    const contact = aContact(tenantId, {
      name: 'João da Silva',
      phone: normalizePhone(`(11) 98765-${phoneSequence}`),
      taxId: parseTaxId('529.982.247-25'),
      email: 'joao@example.com',
      ...overrides,
    });
    await deps.contacts.create(contact);
    return contact;
  }

  /** A boleto as the conversation leaves it: created at Paytime, pending there, registered and sent here. */
  async function newSentBoleto(input: {
    contact?: Contact;
    amountCents?: number;
    dueDate: CalendarDate;
    description?: string;
    stage?: 'requested' | 'sent';
  }): Promise<{ boleto: Boleto; billetId: string; contact: Contact }> {
    const contact = input.contact ?? (await newContact());
    const amountCents = input.amountCents ?? 15_000;
    const commandKey = uniqueId('command');
    const now = clock.now();
    const ctx = { actor: { kind: 'owner' as const, id: OWNER_PHONE }, at: now.toISOString() };
    const requested = requestBoleto(
      {
        id: new TimeOrderedIdGenerator(clock).newId(),
        tenantId,
        contactId: contact.contactId,
        amountCents,
        dueDate: input.dueDate,
        description: input.description ?? 'Aulas de violão',
        commandKey,
        today: saoPauloDateOf(now),
        maxAmountCents: 1_000_000,
      },
      ctx,
    );
    await deps.boletos.create(requested);
    const created = await billing.createBoleto({
      commandKey,
      amountCents,
      dueDate: input.dueDate,
      paymentLimitDate: addDays(input.dueDate, 60),
      payer: {
        name: contact.name,
        taxId: contact.taxId,
        email: contact.email ?? 'x@example.com',
        phone: contact.phone,
      },
      description: input.description ?? 'Aulas de violão',
      instructions: { fineBps: 200, monthlyInterestBps: 100 },
    });
    paytime.controls.completeProcessing(created.providerId);
    await paytime.controls.settle();
    await drain();
    if (input.stage === 'requested')
      return { boleto: requested.boleto, billetId: created.providerId, contact };
    const pending = await billing.getBoleto(created.providerId);
    const registered = registerBoleto(
      requested.boleto,
      {
        providerId: pending.providerId,
        digitableLine: pending.digitableLine ?? '',
        barcode: pending.barcode ?? '',
        ...(pending.pdfUrl ? { pdfUrl: pending.pdfUrl } : {}),
      },
      ctx,
    );
    const sent = markSent(registered.boleto, 'whatsapp', ctx);
    await deps.boletos.update({ boleto: sent.boleto, events: [...registered.events, ...sent.events] }, 1);
    return { boleto: sent.boleto, billetId: created.providerId, contact };
  }

  /** Waits for the webhooks Paytime has queued and for the stream's processing of what they stored. */
  async function drain(): Promise<void> {
    await paytime.controls.settle();
    while (inFlight.size > 0) await Promise.all([...inFlight]);
  }

  /** Every item of the test table (an admin-style read with its own client, so `recorded` sees none of it). */
  async function allItems(): Promise<Record<string, unknown>[]> {
    const admin = new DynamoDBClient({
      endpoint: inject('dynamoDbEndpoint'),
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const documents = createDocumentClient(admin);
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await documents.send(
        new DocumentScanCommand({
          TableName: table.tableName,
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    admin.destroy();
    return items;
  }

  async function itemsOf(entity: string, filter: (item: Record<string, unknown>) => boolean = () => true) {
    return (await allItems()).filter((item) => item.entity === entity && filter(item));
  }

  return {
    table,
    recorded,
    /** Reminder loops the use cases stopped (when no real `workflows` was given). */
    stoppedLoops: recorder.stopped,
    clock,
    tenantId,
    paytime,
    billing,
    deps,
    reminderDeps,
    storedEvents,
    runs,
    ids,
    gateway,
    webhookHandler,
    streamed,
    newContact,
    newSentBoleto,
    drain,
    itemsOf,
    async close() {
      await drain();
      await gateway.stop();
      await paytime.stop();
      clock.dispose();
      await table.drop();
    },
  };
}

export type FollowUpFixture = Awaited<ReturnType<typeof startFollowUpFixture>>;
