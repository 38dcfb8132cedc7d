import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '#adapters/dynamodb/document-client';
import { useProcessClock } from '#adapters/system/system-clock';
import { createIrisTable } from '#infra/table/create-iris-table';
import { type RunningOpenAiSimulator, startOpenAiSimulator } from '#simulators/openai/start-openai-simulator';
import {
  type RunningPaytimeSimulator,
  startPaytimeSimulator,
} from '#simulators/paytime/start-paytime-simulator';
import {
  type RunningWhatsAppSimulator,
  startWhatsAppSimulator,
} from '#simulators/whatsapp/start-whatsapp-simulator';
import { startApiServer } from './api-server';
import { LocalIssuer } from './auth/local-issuer';
import { localClockStart } from './clock-start';
import { ConsoleState } from './console-state';
import { DEMO_TENANT, seedDemoTenant } from './demo-tenant';
import { startDynamoDbLocal } from './dynamodb-local';
import {
  type ClockAdvance,
  createSchedulerHttpServer,
  createSqsHttpServer,
  createStepFunctionsHttpServer,
  DynamoDbStreamPoller,
  LocalScheduler,
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
import {
  FILES_BUCKET_NAME,
  LOCAL_ACCOUNT_ID,
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  LOCAL_SECRETS,
  SCHEDULE_GROUP_NAME,
} from './local-cloud-names';
import { loadLocalFunctions } from './local-functions';
import { OutboxObserver } from './outbox-observer';
import { applyEnvironment } from './process-environment';
import { Quiescence, type SettleResult } from './quiescence';
import { startS3Local } from './s3-local';
import { startSesLocal } from './ses-local';
import { addSettleParticipants } from './settle-participants';
import { Shutdown } from './shutdown';
import { LocalTenantApiGateway, membersInTable } from './tenant-api-gateway';
import {
  createDeliveryQueues,
  registerScheduleTargets,
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
  /**
   * A real OpenAI key for the owner's text model (default: env `IRIS_LOCAL_OPENAI_API_KEY`; none: the
   * deterministic parser). Voice notes go to the OpenAI simulator either way.
   */
  openAiApiKey?: string;
}

export interface LocalCloudUrls {
  api: string;
  console: string;
  whatsappWebhook: string;
  paytimeWebhook: string;
  whatsappSimulator: string;
  paytimeSimulator: string;
  openAiSimulator: string;
  sesViewer: string;
  /** The S3 emulator (path-style; the file bucket is `filesBucket`). */
  s3: string;
  filesBucket: string;
  dynamoDb: string;
  sqs: string;
  stepFunctions: string;
  scheduler: string;
}

export interface LocalCloud {
  apiUrl: string;
  urls: LocalCloudUrls;
  tableName: string;
  clock: VirtualClock;
  sfn: LocalStepFunctions;
  sqs: LocalSqs;
  /** EventBridge Scheduler: run-time schedules fire on the virtual clock. */
  scheduler: LocalScheduler;
  simulators: {
    whatsapp: RunningWhatsAppSimulator;
    paytime: RunningPaytimeSimulator;
    openai: RunningOpenAiSimulator;
  };
  /** The local stand-in for the tenant's Cognito user pool (signs the demo members' access tokens). */
  issuer: LocalIssuer;
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

  const scheduler = new LocalScheduler({
    clock,
    region: LOCAL_REGION,
    accountId: LOCAL_ACCOUNT_ID,
    onError: (firing) => log(`schedule ${firing.name} dead-lettered: ${firing.error}`),
  });
  scheduler.createGroup(SCHEDULE_GROUP_NAME);
  const schedulerServer = await createSchedulerHttpServer(scheduler);
  shutdown.add('Scheduler', async () => {
    scheduler.dispose();
    await schedulerServer.close();
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
  const openai = await startOpenAiSimulator();
  shutdown.add('OpenAI simulator', () => openai.stop());

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
    scheduler: schedulerServer.endpoint,
    openai: openai.url,
  };
  const openAiApiKey = options.openAiApiKey ?? process.env.IRIS_LOCAL_OPENAI_API_KEY;
  applyEnvironment(
    {
      ...localFunctionEnvironment({
        tableName,
        endpoints,
        queueUrls,
        failedEventsQueueArn: sqs.queueArn(queueUrls.failedEvents),
        ...(openAiApiKey && { openAiApiKey }),
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
  registerScheduleTargets(scheduler, sfn, handlers);
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
  addSettleParticipants(quiescence, {
    sfn,
    poller,
    consumers,
    sqs,
    sources,
    schedules,
    scheduler,
    whatsapp,
    paytime,
  });
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
    openAiSimulator: openai.url,
    sesViewer: ses.url,
    s3: s3.endpoint,
    filesBucket: s3.bucketName,
    dynamoDb: dynamoDbEndpoint,
    sqs: sqsServer.endpoint,
    stepFunctions: sfnServer.endpoint,
    scheduler: schedulerServer.endpoint,
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
  const issuer = await LocalIssuer.create();
  api.attach({
    state,
    settle: () => settle(),
    advance,
    info: () => ({ urls, tableName, tenant: DEMO_TENANT, missingFunctions: missing }),
    handler: (name) => handlers[name],
    readiness: () => ({ ready: missing.length === 0, missingFunctions: missing }),
    simulators: { whatsapp: whatsapp.url, paytime: paytime.url, openai: openai.url },
    tenantApi: new LocalTenantApiGateway(issuer, log, membersInTable(tableName, documentClient)),
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
    scheduler,
    simulators: { whatsapp, paytime, openai },
    issuer,
    missingFunctions: missing,
    startupMs,
    settle,
    advance,
    stop: () => shutdown.run(),
  };
}
