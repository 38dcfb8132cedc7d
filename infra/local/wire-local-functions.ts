import type { DynamoDBRecord } from 'aws-lambda';
import {
  LEDGER_PROJECTOR_EVENT_SOURCE,
  LEDGER_STREAM_FILTER_PATTERN,
} from '#adapters/dynamodb/finance/ledger-stream-filter';
import {
  OUTBOX_RELAY_EVENT_SOURCE,
  OUTBOX_STREAM_FILTER_PATTERN,
} from '#adapters/dynamodb/outbox/outbox-stream-filter';
import {
  PAYTIME_EVENT_SOURCE,
  PAYTIME_EVENT_STREAM_FILTER_PATTERN,
} from '#adapters/dynamodb/payments/provider-event-stream-filter';
import {
  STATEMENT_PROJECTOR_EVENT_SOURCE,
  STATEMENT_STREAM_FILTER_PATTERN,
} from '#adapters/dynamodb/statements/statement-stream-filter';
import {
  INBOUND_ROUTER_EVENT_SOURCE,
  WHATSAPP_DELIVERY_STREAM_FILTER_PATTERN,
} from '#adapters/dynamodb/webhooks/whatsapp-delivery-stream-filter';
import { DELIVERY_QUEUE_SETTINGS } from '#adapters/sqs/delivery-queue-settings';
import { ensureReportSchedule } from '#application/reports/report-schedule';
import { processEnv } from '#config/process-env';
import { composeSchedules, loadSchedulesConfig } from '#config/schedules-config';
import { FINANCE_DAILY_TIME, FUNCTION_CATALOGUE } from '#infra/stacks/function-catalogue';
import { agingImportWorkflowDefinition } from '#workflows/aging-import-workflow';
import { conversationWorkflowDefinition } from '#workflows/conversation-workflow';
import { reminderLoopWorkflowDefinition } from '#workflows/reminder-loop-workflow';
import { LocalDailySchedule } from './daily-schedule';
import { DEMO_TENANT } from './demo-tenant';
import {
  createLambdaContext,
  type DynamoDbStreamPoller,
  invokeLocalHandler,
  type LocalScheduler,
  type LocalSqs,
  type LocalStepFunctions,
  SqsEventSource,
  type StreamConsumer,
  type VirtualClock,
} from './emulators';
import {
  CONVERSATION_RULES,
  FILES_BUCKET_NAME,
  functionArn,
  LOCAL_FUNCTION_NAMES,
  QUEUE_NAMES,
  RECONCILIATION_TIME,
  stateMachineArn,
} from './local-cloud-names';
import type { LocalHandlers } from './local-functions';
import { OUTBOX_OBSERVER_FILTER, type OutboxObserver } from './outbox-observer';

/**
 * What the stack's event sources do, locally: the three state machines with their Task functions, the table's
 * stream feeding the outbox relay and the Paytime event processor (same filters and batch settings as the
 * mappings), the delivery queues feeding their functions, and the daily schedules (reconciliation, finance).
 */

type Log = (line: string) => void;

export function createDeliveryQueues(sqs: LocalSqs): {
  whatsapp: string;
  email: string;
  failedEvents: string;
} {
  const queueAttributes = (deadLetterQueue: string) => ({
    VisibilityTimeout: String(DELIVERY_QUEUE_SETTINGS.visibilityTimeoutSeconds),
    MessageRetentionPeriod: String(DELIVERY_QUEUE_SETTINGS.retentionSeconds),
    RedrivePolicy: JSON.stringify({
      deadLetterTargetArn: sqs.queueArn(deadLetterQueue),
      maxReceiveCount: DELIVERY_QUEUE_SETTINGS.maxReceiveCount,
    }),
  });
  const retained = { MessageRetentionPeriod: String(14 * 86_400) };
  sqs.createQueue(QUEUE_NAMES.whatsappDlq, retained);
  sqs.createQueue(QUEUE_NAMES.emailDlq, retained);
  const failedEvents = sqs.createQueue(QUEUE_NAMES.failedEvents, retained);
  return {
    whatsapp: sqs.createQueue(QUEUE_NAMES.whatsapp, queueAttributes(QUEUE_NAMES.whatsappDlq)),
    email: sqs.createQueue(QUEUE_NAMES.email, queueAttributes(QUEUE_NAMES.emailDlq)),
    failedEvents,
  };
}

export function registerStateMachines(stepFunctions: LocalStepFunctions, handlers: LocalHandlers): void {
  const conversationSteps = handlers['conversation-steps'];
  if (conversationSteps) {
    stepFunctions.registerStateMachine({
      arn: stateMachineArn('conversation'),
      definition: conversationWorkflowDefinition({
        confirmationTimeoutSeconds: CONVERSATION_RULES.confirmationTimeoutSeconds,
      }),
      definitionSubstitutions: { ConversationStepsFunctionArn: functionArn('conversation-steps') },
      lambdaFunctions: { [functionArn('conversation-steps')]: conversationSteps },
    });
  }
  const reminderStep = handlers['reminder-step'];
  if (reminderStep) {
    stepFunctions.registerStateMachine({
      arn: stateMachineArn('reminder-loop'),
      definition: reminderLoopWorkflowDefinition(),
      definitionSubstitutions: { ReminderStepFunctionArn: functionArn('reminder-step') },
      lambdaFunctions: { [functionArn('reminder-step')]: reminderStep },
    });
  }
  const agingImport = handlers['aging-import'];
  if (agingImport) {
    stepFunctions.registerStateMachine({
      arn: stateMachineArn('aging-import'),
      definition: agingImportWorkflowDefinition(),
      definitionSubstitutions: {
        AgingImportFunctionArn: functionArn('aging-import'),
        FilesBucketName: FILES_BUCKET_NAME,
      },
      lambdaFunctions: { [functionArn('aging-import')]: agingImport },
      // Normalise streams a whole file in one invocation: the function's own timeout, not the local default.
      functionTimeoutSeconds: FUNCTION_CATALOGUE['aging-import'].timeoutSeconds,
    });
  }
}

/**
 * What a run-time schedule may target, as the stack's schedule group role allows per feature: every function
 * (invoked with the schedule's input as its event) and both state machines (started with it as input).
 */
export function registerScheduleTargets(
  scheduler: LocalScheduler,
  stepFunctions: LocalStepFunctions,
  handlers: LocalHandlers,
): void {
  for (const name of LOCAL_FUNCTION_NAMES) {
    const handler = handlers[name];
    if (!handler) continue;
    scheduler.registerTarget(functionArn(name), async (input) => {
      await invokeLocalHandler(handler, input, createLambdaContext({ functionName: functionArn(name) }));
    });
  }
  for (const kind of ['conversation', 'reminder-loop'] as const) {
    scheduler.registerTarget(stateMachineArn(kind), async (input) => {
      stepFunctions.startExecution({ stateMachineArn: stateMachineArn(kind), input: JSON.stringify(input) });
    });
  }
}

/**
 * The demo tenant's report schedule (monthly unless one exists), created through the production adapter from
 * the environment a started local cloud applied: `npm start` does it at once (the daily finance check would
 * create it only at the next virtual 08:00, as in a deployed stack); tests that want it before then call it.
 */
export async function createDemoReportSchedule(): Promise<void> {
  const schedules = composeSchedules(loadSchedulesConfig(processEnv()));
  await ensureReportSchedule({ schedules, reportFunctionArn: functionArn('report') }, DEMO_TENANT.tenantId);
}

export async function subscribeStreamConsumers(
  poller: DynamoDbStreamPoller,
  handlers: LocalHandlers,
  observer: OutboxObserver,
  onSkipped: (consumer: string, record: DynamoDBRecord, error: unknown) => void,
): Promise<StreamConsumer[]> {
  const consumers: StreamConsumer[] = [];
  const router = handlers['inbound-router'];
  if (router) {
    consumers.push(
      await poller.subscribe({
        name: 'inbound-router',
        handler: router,
        filterPatterns: [WHATSAPP_DELIVERY_STREAM_FILTER_PATTERN],
        batchSize: INBOUND_ROUTER_EVENT_SOURCE.batchSize,
        maximumRetryAttempts: INBOUND_ROUTER_EVENT_SOURCE.retryAttempts,
        bisectBatchOnError: INBOUND_ROUTER_EVENT_SOURCE.bisectBatchOnError,
        startingPosition: INBOUND_ROUTER_EVENT_SOURCE.startingPosition,
        reportBatchItemFailures: INBOUND_ROUTER_EVENT_SOURCE.reportBatchItemFailures,
        onRecordSkipped: (record, error) => onSkipped('inbound-router', record, error),
      }),
    );
  }
  const relay = handlers['outbox-relay'];
  if (relay) {
    consumers.push(
      await poller.subscribe({
        name: 'outbox-relay',
        handler: relay,
        filterPatterns: [OUTBOX_STREAM_FILTER_PATTERN],
        batchSize: OUTBOX_RELAY_EVENT_SOURCE.batchSize,
        maximumRetryAttempts: OUTBOX_RELAY_EVENT_SOURCE.retryAttempts,
        bisectBatchOnError: OUTBOX_RELAY_EVENT_SOURCE.bisectBatchOnError,
        startingPosition: OUTBOX_RELAY_EVENT_SOURCE.startingPosition,
        reportBatchItemFailures: OUTBOX_RELAY_EVENT_SOURCE.reportBatchItemFailures,
        onRecordSkipped: (record, error) => onSkipped('outbox-relay', record, error),
      }),
    );
  }
  const paytimeEvents = handlers['paytime-event-processor'];
  if (paytimeEvents) {
    consumers.push(
      await poller.subscribe({
        name: 'paytime-event-processor',
        handler: paytimeEvents,
        filterPatterns: [PAYTIME_EVENT_STREAM_FILTER_PATTERN],
        batchSize: PAYTIME_EVENT_SOURCE.batchSize,
        maximumRetryAttempts: PAYTIME_EVENT_SOURCE.retryAttempts,
        bisectBatchOnError: PAYTIME_EVENT_SOURCE.bisectBatchOnError,
        startingPosition: PAYTIME_EVENT_SOURCE.startingPosition,
        reportBatchItemFailures: PAYTIME_EVENT_SOURCE.reportBatchItemFailures,
        onRecordSkipped: (record, error) => onSkipped('paytime-event-processor', record, error),
      }),
    );
  }
  const statementProjector = handlers['statement-projector'];
  if (statementProjector) {
    consumers.push(
      await poller.subscribe({
        name: 'statement-projector',
        handler: statementProjector,
        filterPatterns: [STATEMENT_STREAM_FILTER_PATTERN],
        batchSize: STATEMENT_PROJECTOR_EVENT_SOURCE.batchSize,
        maximumRetryAttempts: STATEMENT_PROJECTOR_EVENT_SOURCE.retryAttempts,
        bisectBatchOnError: STATEMENT_PROJECTOR_EVENT_SOURCE.bisectBatchOnError,
        startingPosition: STATEMENT_PROJECTOR_EVENT_SOURCE.startingPosition,
        reportBatchItemFailures: STATEMENT_PROJECTOR_EVENT_SOURCE.reportBatchItemFailures,
        onRecordSkipped: (record, error) => onSkipped('statement-projector', record, error),
      }),
    );
  }
  const ledgerProjector = handlers['ledger-projector'];
  if (ledgerProjector) {
    consumers.push(
      await poller.subscribe({
        name: 'ledger-projector',
        handler: ledgerProjector,
        filterPatterns: [LEDGER_STREAM_FILTER_PATTERN],
        batchSize: LEDGER_PROJECTOR_EVENT_SOURCE.batchSize,
        maximumRetryAttempts: LEDGER_PROJECTOR_EVENT_SOURCE.retryAttempts,
        bisectBatchOnError: LEDGER_PROJECTOR_EVENT_SOURCE.bisectBatchOnError,
        startingPosition: LEDGER_PROJECTOR_EVENT_SOURCE.startingPosition,
        reportBatchItemFailures: LEDGER_PROJECTOR_EVENT_SOURCE.reportBatchItemFailures,
        onRecordSkipped: (record, error) => onSkipped('ledger-projector', record, error),
      }),
    );
  }
  // Local admin tooling (not in the stack): the console's list of outbox items.
  consumers.push(
    await poller.subscribe({
      name: 'console-outbox-observer',
      handler: observer.handler,
      filterPatterns: [OUTBOX_OBSERVER_FILTER],
      startingPosition: 'TRIM_HORIZON',
    }),
  );
  return consumers;
}

export function startQueueConsumers(sqs: LocalSqs, handlers: LocalHandlers, log: Log): SqsEventSource[] {
  const sources: SqsEventSource[] = [];
  const consumers = [
    { queue: QUEUE_NAMES.whatsapp, name: 'whatsapp-delivery' as const, channel: 'whatsapp' as const },
    { queue: QUEUE_NAMES.email, name: 'email-delivery' as const, channel: 'email' as const },
  ];
  for (const { queue, name, channel } of consumers) {
    const handler = handlers[name];
    if (!handler) continue;
    sources.push(
      new SqsEventSource({
        sqs,
        queue,
        handler,
        functionName: functionArn(name),
        batchSize: DELIVERY_QUEUE_SETTINGS.batchSize,
        maxConcurrency: DELIVERY_QUEUE_SETTINGS.maxConcurrency[channel],
        reportBatchItemFailures: true,
        onError: (error) => log(`${name} failed a whole batch: ${String(error)}`),
      }).start(),
    );
  }
  return sources;
}

export function startSchedules(
  clock: VirtualClock,
  handlers: LocalHandlers,
  tenantId: string,
  log: Log,
): LocalDailySchedule[] {
  const reconciliation = handlers.reconciliation;
  const financeDaily = handlers['finance-daily'];
  const schedules: LocalDailySchedule[] = [];
  if (reconciliation) {
    schedules.push(
      new LocalDailySchedule({
        name: 'reconciliation',
        clock,
        ...RECONCILIATION_TIME,
        input: { source: 'iris.reconciliation', tenantId },
        handler: reconciliation,
        functionName: functionArn('reconciliation'),
        onRun: (at) => log(`reconciliation runs (${at.toISOString()})`),
        onError: (error) => log(`reconciliation failed: ${String(error)}`),
      }).start(),
    );
  }
  if (financeDaily) {
    schedules.push(
      new LocalDailySchedule({
        name: 'finance-daily',
        clock,
        ...FINANCE_DAILY_TIME,
        input: { source: 'iris.finance-daily', tenantId },
        handler: financeDaily,
        functionName: functionArn('finance-daily'),
        onRun: (at) => log(`finance daily check runs (${at.toISOString()})`),
        onError: (error) => log(`finance daily check failed: ${String(error)}`),
      }).start(),
    );
  }
  return schedules;
}
