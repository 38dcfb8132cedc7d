import { inject } from 'vitest';
import { OUTBOX_STREAM_FILTER_PATTERN } from '#adapters/dynamodb/outbox/outbox-stream-filter';
import { createTableRepositories, type TableRepositories } from '#adapters/dynamodb/table-repositories';
import { createSesClient } from '#adapters/ses/create-ses-client';
import { SesEmailSender } from '#adapters/ses/ses-email-sender';
import { createSqsClient } from '#adapters/sqs/create-sqs-client';
import { DELIVERY_QUEUE_SETTINGS } from '#adapters/sqs/delivery-queue-settings';
import { SqsDeliveryQueueControl, SqsOutboxPublisher } from '#adapters/sqs/sqs-outbox-queue';
import { systemClock } from '#adapters/system/system-clock';
import { TimeOrderedIdGenerator } from '#adapters/system/time-ordered-id-generator';
import { WhatsAppCloudApiSender } from '#adapters/whatsapp/whatsapp-cloud-api-sender';
import type { DeliverySettings } from '#application/outbox/deliver-outbox-message';
import { ObjectNotFoundError, type ObjectStore } from '#application/ports/object-store';
import { DEFAULT_DELIVERY_SETTINGS, DEFAULT_WHATSAPP_DISPATCH_SETTINGS } from '#config/outbox-config';
import type { OutboxMessage } from '#domain/outbox-message';
import { createEmailDeliveryHandler } from '#functions/email-delivery/create-handler';
import { createOutboxRelayHandler } from '#functions/outbox-relay/create-handler';
import { createWhatsAppDeliveryHandler } from '#functions/whatsapp-delivery/create-handler';
import { DynamoDbStreamPoller } from '#infra/local/emulators/dynamodb-streams/index';
import { createSqsHttpServer, LocalSqs, SqsEventSource } from '#infra/local/emulators/sqs/index';
import {
  type RunningWhatsAppSimulator,
  startWhatsAppSimulator,
  type WhatsAppSimulatorOptions,
} from '#simulators/whatsapp/start-whatsapp-simulator';
import { uniqueTenantId } from '#test/support/dynamodb-fixtures';
import { createTestTable, type TestTable } from '#test/support/dynamodb-test-table';
import { type SesLocal, startSesServer } from './ses-local';
import { startWebhookStub, type WebhookStub } from './webhook-stub';

export const APP_SECRET = 'outbox-test-app-secret';
export const ACCESS_TOKEN = 'outbox-test-access-token';
export const PHONE_NUMBER_ID = '109876543210987';
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** A file bucket with no objects, for pipelines whose e-mails attach nothing (any read is "not found"). */
const EMPTY_FILE_BUCKET: ObjectStore = {
  put: async () => {
    throw new Error('the outbox pipeline stores no files');
  },
  get: async (key) => {
    throw new ObjectNotFoundError(key);
  },
  downloadUrl: async () => {
    throw new Error('the outbox pipeline has no file links');
  },
};

export interface PipelineOptions {
  /** The delivery queues' redrive maxReceiveCount (default 4). */
  maxReceiveCount?: number;
  /** SQS time scale: 0.005 turns a 30 s backoff into 0.15 s, a 180 s visibility timeout into 0.9 s (default). */
  timeScale?: number;
  simulator?: Partial<WhatsAppSimulatorOptions>;
  delivery?: Partial<DeliverySettings>;
  /** The file bucket the e-mail delivery reads attachments from (default: one with no objects). */
  files?: ObjectStore;
}

/**
 * The whole outbox on one machine: a fresh table in DynamoDB Local with its stream → the relay (filtered as
 * the stack filters it) → the local SQS server (real SQSClient) → the two delivery functions (SqsEventSource,
 * Lambda's batch semantics) → the WhatsApp simulator over HTTP / aws-ses-v2-local; the simulator's signed
 * status callbacks come back through a webhook stub into `recordStatusCallback`.
 */
export interface OutboxPipeline {
  tenantId: string;
  table: TestTable;
  persistence: TableRepositories;
  sqs: LocalSqs;
  queues: { whatsapp: string; whatsappDlq: string; email: string; emailDlq: string };
  simulator: RunningWhatsAppSimulator;
  webhook: WebhookStub;
  ses: SesLocal;
  handlerErrors: unknown[];
  /** The WhatsApp delivery function's raw handler, to hand it events directly (duplicate deliveries). */
  deliverWhatsApp: ReturnType<typeof createWhatsAppDeliveryHandler>;
  /** Resolves once `predicate` holds (polling), or rejects after `timeoutMs`. */
  waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs?: number): Promise<T>;
  /** Waits until the outbox item reaches one of `statuses`. */
  waitForStatus(outboxId: string, ...statuses: OutboxMessage['status'][]): Promise<OutboxMessage>;
  stop(): Promise<void>;
}

export async function startOutboxPipeline(options: PipelineOptions = {}): Promise<OutboxPipeline> {
  const table = await createTestTable('outbox-pipeline', { stream: true });
  const tenantId = uniqueTenantId('outbox');
  const persistence = createTableRepositories(table.tableName, table.documentClient);
  const clock = systemClock;
  const ids = new TimeOrderedIdGenerator(clock);
  const maxReceiveCount = options.maxReceiveCount ?? 4;
  const handlerErrors: unknown[] = [];

  const sqs = new LocalSqs({ timeScale: options.timeScale ?? 0.005 });
  const sqsServer = await createSqsHttpServer(sqs);
  const queue = (name: string) => {
    const dlq = sqs.createQueue(`${name}-dlq`);
    const url = sqs.createQueue(name, {
      VisibilityTimeout: String(DELIVERY_QUEUE_SETTINGS.visibilityTimeoutSeconds),
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: sqs.queueArn(dlq), maxReceiveCount }),
    });
    return { url, dlq };
  };
  const whatsappQueue = queue('whatsapp-delivery');
  const emailQueue = queue('email-delivery');
  const sqsClient = createSqsClient({
    endpoint: sqsServer.endpoint,
    region: 'us-east-1',
    credentials: LOCAL_CREDENTIALS,
  });

  const ses = await startSesServer();
  const webhook = await startWebhookStub({ appSecret: APP_SECRET, tenantId, persistence, clock, ids });
  const simulator = await startWhatsAppSimulator({
    appSecret: APP_SECRET,
    phoneNumberId: PHONE_NUMBER_ID,
    displayPhoneNumber: '551140028922',
    accessToken: ACCESS_TOKEN,
    webhookUrl: webhook.url,
    statusDelayMs: 10,
    ...options.simulator,
  });

  const delivery: DeliverySettings = {
    ...DEFAULT_DELIVERY_SETTINGS,
    defaultReminderWindow: { startHour: 0, endHour: 24, weekdays: [] },
    ...options.delivery,
  };
  const queueSettings = { backoff: DELIVERY_QUEUE_SETTINGS.backoff, maxReceiveCount };
  const relay = createOutboxRelayHandler({
    publisher: new SqsOutboxPublisher({ whatsapp: whatsappQueue.url, email: emailQueue.url }, sqsClient),
  });
  const deliverWhatsApp = createWhatsAppDeliveryHandler({
    persistence,
    sender: new WhatsAppCloudApiSender({
      baseUrl: simulator.url,
      phoneNumberId: PHONE_NUMBER_ID,
      accessToken: ACCESS_TOKEN,
      timeoutMs: 2_000,
    }),
    queue: new SqsDeliveryQueueControl(whatsappQueue.url, sqsClient),
    clock,
    ids,
    delivery,
    dispatch: DEFAULT_WHATSAPP_DISPATCH_SETTINGS,
    queueSettings,
  });
  const deliverEmail = createEmailDeliveryHandler({
    persistence,
    sender: new SesEmailSender(
      { configurationSetName: 'iris-test' },
      createSesClient({ endpoint: ses.endpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS }),
    ),
    queue: new SqsDeliveryQueueControl(emailQueue.url, sqsClient),
    clock,
    ids,
    delivery,
    email: { fromAddress: 'cobranca@empresa.test' },
    files: options.files ?? EMPTY_FILE_BUCKET,
    queueSettings,
  });

  const poller = new DynamoDbStreamPoller({
    tableName: table.tableName,
    endpoint: inject('dynamoDbEndpoint'),
    pollIntervalMs: 25,
    onError: (error) => handlerErrors.push(error),
  });
  await poller.subscribe({
    name: 'outbox-relay',
    handler: relay,
    filterPatterns: [OUTBOX_STREAM_FILTER_PATTERN],
    bisectBatchOnError: true,
  });
  await poller.start();
  const sources = [
    new SqsEventSource({
      sqs,
      queue: whatsappQueue.url,
      handler: deliverWhatsApp,
      onError: (e) => handlerErrors.push(e),
    }),
    new SqsEventSource({
      sqs,
      queue: emailQueue.url,
      handler: deliverEmail,
      onError: (e) => handlerErrors.push(e),
    }),
  ];
  for (const source of sources) source.start();

  const waitFor = async <T>(
    what: string,
    probe: () => Promise<T | undefined | false>,
    timeoutMs = 10_000,
  ) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  return {
    tenantId,
    table,
    persistence,
    sqs,
    queues: {
      whatsapp: whatsappQueue.url,
      whatsappDlq: whatsappQueue.dlq,
      email: emailQueue.url,
      emailDlq: emailQueue.dlq,
    },
    simulator,
    webhook,
    ses,
    handlerErrors,
    deliverWhatsApp,
    waitFor,
    waitForStatus: (outboxId, ...statuses) =>
      waitFor(`outbox ${outboxId} to be ${statuses.join(' or ')}`, async () => {
        const message = await persistence.outbox.get(tenantId, outboxId);
        return message && statuses.includes(message.status) ? message : undefined;
      }),
    stop: async () => {
      await Promise.all(sources.map((source) => source.stop()));
      await poller.stop();
      await simulator.stop();
      await webhook.stop();
      await ses.stop();
      await sqsServer.close();
      sqsClient.destroy();
      await table.drop();
    },
  };
}
