import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '#adapters/dynamodb/document-client';
import { useProcessClock } from '#adapters/system/system-clock';
import { createIrisTable } from '#infra/table/create-iris-table';
import {
  type RunningPaytimeSimulator,
  startPaytimeSimulator,
} from '#simulators/paytime/start-paytime-simulator';
import {
  type RunningWhatsAppSimulator,
  startWhatsAppSimulator,
} from '#simulators/whatsapp/start-whatsapp-simulator';
import { startApiServer } from './api-server';
import { localClockStart } from './clock-start';
import { ConsoleState } from './console-state';
import { DEMO_TENANT, seedDemoTenant } from './demo-tenant';
import { startDynamoDbLocal } from './dynamodb-local';
import {
  type ClockAdvance,
  createSqsHttpServer,
  createStepFunctionsHttpServer,
  DynamoDbStreamPoller,
  LocalSqs,
  LocalStepFunctions,
  VirtualClock,
} from './emulators';
import {
  CLOUD_ONLY_VARIABLES,
  localFunctionEnvironment,
  paytimeKeyEnvironment,
  perFunctionEnvironment,
} from './function-environment';
import { FILES_BUCKET_NAME, LOCAL_CREDENTIALS, LOCAL_REGION, LOCAL_SECRETS } from './local-cloud-names';
import { loadLocalFunctions } from './local-functions';
import { OutboxObserver } from './outbox-observer';
import { applyEnvironment } from './process-environment';
import { Quiescence, type SettleResult } from './quiescence';
import { startS3Local } from './s3-local';
import { startSesLocal } from './ses-local';
import { addSettleParticipants } from './settle-participants';
import { Shutdown } from './shutdown';
import {
  createDeliveryQueues,
  registerStateMachines,
  startQueueConsumers,
  startSchedules,
  subscribeStreamConsumers,
} from './wire-local-functions';

/**
 * The whole of IRIS on one machine, offline (DESIGN §6): DynamoDB Local with the stack's table, SES
 * (`aws-ses-v2-local`), S3 (`s3rver`, with the file bucket), SQS and Step Functions emulators speaking the AWS protocols, the WhatsApp and Paytime
 * simulators, the table's stream and the queues feeding the functions, the daily schedule, and one HTTP port
 * with the API's routes, the local control routes and the console. Every function is the production handler,
 * composed from the environment, on a virtual clock that `advance` moves forward.
 *
 * One local cloud per process: the functions' modules compose once, at load (a test file starts its own,
 * in its own worker).
 */

export interface LocalCloudOptions {
  /** API port (default: env PORT or 3000; 0 = a free port). */
  port?: number;
  /** Reuse a running DynamoDB Local (e.g. the test suite's); a table with a unique name is created in it. */
  dynamoDbEndpoint?: string;
  tableName?: string;
  /** Where the virtual clock starts (default: now, moved to the next business hours; see clock-start.ts). */
  clockStart?: Date;
  /** The local cloud's own progress lines (default: none). */
  log?: (line: string) => void;
  /** Powertools log level of the functions (default WARN). */
  functionLogLevel?: string;
  /** The functions print their EMF metric lines to stdout (default: off). */
  emitMetrics?: boolean;
}

export interface LocalCloudUrls {
  api: string;
  console: string;
  whatsappWebhook: string;
  paytimeWebhook: string;
  whatsappSimulator: string;
  paytimeSimulator: string;
  sesViewer: string;
  /** The S3 emulator (path-style; the file bucket is `filesBucket`). */
  s3: string;
  filesBucket: string;
  dynamoDb: string;
  sqs: string;
  stepFunctions: string;
}

export interface LocalCloud {
  apiUrl: string;
  urls: LocalCloudUrls;
  tableName: string;
  clock: VirtualClock;
  sfn: LocalStepFunctions;
  sqs: LocalSqs;
  simulators: { whatsapp: RunningWhatsAppSimulator; paytime: RunningPaytimeSimulator };
  /** Functions without a handler file: the cloud runs without them and `/ready` says 503. */
  missingFunctions: string[];
  startupMs: number;
  settle(options?: { timeoutMs?: number }): Promise<SettleResult>;
  advance(by: ClockAdvance): Promise<SettleResult>;
  stop(): Promise<void>;
}

export class LocalCloudAlreadyStartedError extends Error {
  constructor() {
    super(
      'a local cloud already runs in this process (the functions compose once, at load): start one per process',
    );
    this.name = 'LocalCloudAlreadyStartedError';
  }
}

let startedInThisProcess = false;

export async function startLocalCloud(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  if (startedInThisProcess) throw new LocalCloudAlreadyStartedError();
  startedInThisProcess = true;
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const shutdown = new Shutdown(log);
  try {
    return await start(options, log, shutdown, started);
  } catch (error) {
    await shutdown.run();
    throw error;
  }
}

async function start(
  options: LocalCloudOptions,
  log: (line: string) => void,
  shutdown: Shutdown,
  started: number,
) {
  const clock = new VirtualClock({ start: options.clockStart ?? localClockStart(new Date()) });
  useProcessClock(clock);
  shutdown.add('virtual clock', () => {
    clock.dispose();
    useProcessClock(undefined);
  });

  const dynamoDbLocal = options.dynamoDbEndpoint ? undefined : startDynamoDbLocal();
  dynamoDbLocal?.then(
    (running) => shutdown.add('DynamoDB Local', () => running.stop()),
    () => undefined,
  );

  const api = await startApiServer({ port: options.port ?? 3000, log });
  shutdown.add('API server', () => api.close());
  const ses = await startSesLocal();
  shutdown.add('SES', () => ses.close());
  const s3 = await startS3Local({ bucketName: FILES_BUCKET_NAME, credentials: LOCAL_CREDENTIALS });
  shutdown.add('S3', () => s3.close());

  const sqs = new LocalSqs({ clock, region: LOCAL_REGION });
  const sqsServer = await createSqsHttpServer(sqs);
  shutdown.add('SQS', async () => {
    sqs.dispose();
    await sqsServer.close();
  });
  const queueUrls = createDeliveryQueues(sqs);

  const sfn = new LocalStepFunctions({
    clock,
    region: LOCAL_REGION,
    settleClockAdvances: false,
    retryIntervalMs: 50,
  });
  const sfnServer = await createStepFunctionsHttpServer(sfn);
  shutdown.add('Step Functions', async () => {
    sfn.dispose();
    await sfnServer.close();
  });

  const whatsapp = await startWhatsAppSimulator({
    appSecret: LOCAL_SECRETS.whatsAppAppSecret,
    phoneNumberId: DEMO_TENANT.whatsAppPhoneNumberId,
    displayPhoneNumber: DEMO_TENANT.whatsAppDisplayNumber,
    webhookUrl: `${api.url}/webhooks/whatsapp`,
    accessToken: LOCAL_SECRETS.whatsAppAccessToken,
    autoStatuses: ['sent', 'delivered'],
    clock,
  });
  shutdown.add('WhatsApp simulator', () => whatsapp.stop());
  const paytime = await startPaytimeSimulator({
    webhook: {
      url: `${api.url}/webhooks/paytime`,
      basicUser: LOCAL_SECRETS.paytimeWebhookUser,
      basicPassword: LOCAL_SECRETS.paytimeWebhookPassword,
    },
    processingDelayMs: 30,
    clock,
  });
  shutdown.add('Paytime simulator', () => paytime.stop());

  const dynamoDbEndpoint = options.dynamoDbEndpoint ?? (await dynamoDbLocal)?.endpoint ?? '';
  const tableName =
    options.tableName ?? (options.dynamoDbEndpoint ? `iris-local-${randomUUID().slice(0, 8)}` : 'iris-local');
  const dynamoDb = new DynamoDBClient({
    endpoint: dynamoDbEndpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  shutdown.add('DynamoDB client', () => dynamoDb.destroy());
  await createIrisTable(dynamoDb, tableName);
  const documentClient = createDocumentClient(dynamoDb);
  await seedDemoTenant(tableName, documentClient, clock.now());
  log(`table ${tableName} created and seeded (${Date.now() - started} ms)`);

  const endpoints = {
    dynamoDb: dynamoDbEndpoint,
    stepFunctions: sfnServer.endpoint,
    sqs: sqsServer.endpoint,
    ses: ses.url,
    s3: s3.endpoint,
    paytime: paytime.url,
    whatsapp: whatsapp.url,
  };
  applyEnvironment(
    {
      ...localFunctionEnvironment({
        tableName,
        endpoints,
        queueUrls,
        ...(options.functionLogLevel && { logLevel: options.functionLogLevel }),
        ...(options.emitMetrics && { emitMetrics: true }),
      }),
      ...paytimeKeyEnvironment(paytime.credentials),
    },
    CLOUD_ONLY_VARIABLES,
  );
  const { handlers, missing } = await loadLocalFunctions((name) => perFunctionEnvironment(name, queueUrls));
  if (missing.length > 0) log(`missing handlers (their parts do not run): ${missing.join(', ')}`);
  log(`functions loaded (${Date.now() - started} ms)`);

  registerStateMachines(sfn, handlers);
  const poller = new DynamoDbStreamPoller({
    tableName,
    dynamoDbClient: dynamoDb,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    endpoint: dynamoDbEndpoint,
    startingPosition: 'TRIM_HORIZON',
    pollIntervalMs: 50,
    onError: (error) => log(`stream poller: ${String(error)}`),
  });
  const observer = new OutboxObserver();
  const consumers = await subscribeStreamConsumers(poller, handlers, observer, (consumer, record, error) => {
    log(`${consumer} skipped stream record ${record.dynamodb?.SequenceNumber}: ${String(error)}`);
    sqs.sendMessage(queueUrls.failedEvents, {
      body: JSON.stringify({ consumer, record, error: String(error) }),
    });
  });
  await poller.start();
  shutdown.add('stream poller', () => poller.stop());
  const sources = startQueueConsumers(sqs, handlers, log);
  shutdown.add('queue consumers', async () => {
    await Promise.all(sources.map((source) => source.stop()));
  });
  const schedules = startSchedules(clock, handlers, DEMO_TENANT.tenantId, log);
  shutdown.add('schedules', async () => {
    await Promise.all(schedules.map((schedule) => schedule.stop()));
  });

  const quiescence = new Quiescence();
  addSettleParticipants(quiescence, { sfn, poller, consumers, sqs, sources, schedules, whatsapp, paytime });
  // Every wake-up of an advance lets the whole chain run before the clock moves on.
  clock.addIdleHook(async () => {
    await quiescence.settle({ timeoutMs: 20_000 });
  });
  const settle = (settleOptions?: { timeoutMs?: number }) => quiescence.settle(settleOptions);
  const advance = async (by: ClockAdvance) => {
    await clock.advance(by);
    return settle();
  };

  const urls: LocalCloudUrls = {
    api: api.url,
    console: `${api.url}/console`,
    whatsappWebhook: `${api.url}/webhooks/whatsapp`,
    paytimeWebhook: `${api.url}/webhooks/paytime`,
    whatsappSimulator: whatsapp.url,
    paytimeSimulator: paytime.url,
    sesViewer: ses.url,
    s3: s3.endpoint,
    filesBucket: s3.bucketName,
    dynamoDb: dynamoDbEndpoint,
    sqs: sqsServer.endpoint,
    stepFunctions: sfnServer.endpoint,
  };
  const state = new ConsoleState({
    tableName,
    documentClient,
    tenantId: DEMO_TENANT.tenantId,
    ownerPhone: DEMO_TENANT.owner.phone,
    clock,
    stepFunctions: sfn,
    outbox: observer,
    sesUrl: ses.url,
    conversation: (phone) => whatsapp.controls.conversation(phone),
  });
  api.attach({
    state,
    settle: () => settle(),
    advance,
    info: () => ({ urls, tableName, tenant: DEMO_TENANT, missingFunctions: missing }),
    handler: (name) => handlers[name],
    readiness: () => ({ ready: missing.length === 0, missingFunctions: missing }),
    simulators: { whatsapp: whatsapp.url, paytime: paytime.url },
  });
  const startupMs = Date.now() - started;
  log(`local cloud ready in ${startupMs} ms`);
  return {
    apiUrl: api.url,
    urls,
    tableName,
    clock,
    sfn,
    sqs,
    simulators: { whatsapp, paytime },
    missingFunctions: missing,
    startupMs,
    settle,
    advance,
    stop: () => shutdown.run(),
  };
}
