import * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
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
import { ENV, type SecretId } from '#infra/config/function-environment';
import type { TenantStageConfig } from '#infra/config/load-tenant-config';
import type { DeliveryQueue } from '#infra/constructs/delivery-queue';
import type { EmailSending } from '#infra/constructs/email-sending';
import { consumeQueue, consumeTableStream } from '#infra/constructs/event-sources';
import { FILE_PREFIXES, type FileStorage } from '#infra/constructs/file-storage';
import {
  answerTaskTokens,
  controlOwnQueue,
  knowStateMachine,
  manageMemberAccounts,
  manageSchedules,
  projectIntoTable,
  putItemsOnly,
  readFiles,
  readSecret,
  readTable,
  readWriteFiles,
  readWriteTable,
  sendEmail,
  sendToQueue,
  setting,
  startExecutions,
  stopExecutions,
} from '#infra/constructs/function-access';
import type { IrisFunction } from '#infra/constructs/iris-function';
import type { IrisStateMachine } from '#infra/constructs/iris-state-machine';
import type { IrisTable } from '#infra/constructs/iris-table';
import type { MemberDirectory } from '#infra/constructs/member-directory';
import { readsOcrLanguageData } from '#infra/constructs/ocr-language-data';
import type { IrisScheduleGroup } from '#infra/constructs/schedule-group';
import type { FunctionName } from './function-catalogue';

/** What the wiring grants access to: the stack's resources, named here so the stack can import this file. */
export interface WiredResources {
  readonly table: IrisTable;
  readonly conversation: IrisStateMachine;
  readonly reminderLoop: IrisStateMachine;
  readonly agingImport: IrisStateMachine;
  readonly whatsappDelivery: DeliveryQueue;
  readonly emailDelivery: DeliveryQueue;
  readonly failedEvents: sqs.IQueue;
  readonly email: EmailSending;
  readonly schedules: IrisScheduleGroup;
  readonly files: FileStorage;
  readonly members: MemberDirectory;
}

/**
 * What each function may do, and the environment that tells it where: the whole permission model of the
 * stack on one page. Every line pairs variables with their grant (`function-access.ts`).
 */
export function wireFunctions(
  stack: WiredResources,
  fns: Readonly<Record<FunctionName, IrisFunction>>,
  config: TenantStageConfig,
): void {
  const { tenant, settings, stage } = config;
  const table = stack.table.table;
  const conversation = stack.conversation;
  const reminderLoop = stack.reminderLoop;
  const secret = (fn: IrisFunction, id: SecretId) => readSecret(fn, id, tenant.tenantId, stage);
  const paytimeApi = (fn: IrisFunction) => {
    setting(fn, ENV.paytimeBaseUrl, settings.paytimeBaseUrl);
    secret(fn, 'paytimeApiCredentials');
  };

  // Inbound WhatsApp webhook: verify the signature, store the delivery with one conditional put, answer.
  const whatsappWebhook = fns['whatsapp-webhook'];
  putItemsOnly(whatsappWebhook, table);
  secret(whatsappWebhook, 'whatsappAppSecret');
  secret(whatsappWebhook, 'whatsappVerifyToken');

  // Inbound router (stored deliveries from the stream): de-duplicate, start a conversation or resume the
  // waiting one; payers' messages are handled at once (forward, re-send, payment check).
  const inboundRouter = fns['inbound-router'];
  readWriteTable(inboundRouter, table);
  startExecutions(inboundRouter, ENV.conversationStateMachineArn, conversation);
  answerTaskTokens(inboundRouter, conversation);
  // A payer's "já paguei" re-reads the boleto at Paytime and settles it like a webhook would (loop stopped).
  paytimeApi(inboundRouter);
  stopExecutions(inboundRouter, ENV.reminderStateMachineArn, reminderLoop);
  consumeTableStream(inboundRouter, table, {
    filterPattern: WHATSAPP_DELIVERY_STREAM_FILTER_PATTERN,
    settings: INBOUND_ROUTER_EVENT_SOURCE,
    onFailure: stack.failedEvents,
  });

  // Paytime webhook: Basic auth (two slots for rotation), store the event; the processor acts on it.
  const paytimeWebhook = fns['paytime-webhook'];
  readWriteTable(paytimeWebhook, table);
  secret(paytimeWebhook, 'paytimeWebhookCredentials');

  // Conversation tasks: interpret (OpenAI if enabled; audio media from WhatsApp), create at Paytime once,
  // start the boleto's reminder loop.
  const conversationSteps = fns['conversation-steps'];
  readWriteTable(conversationSteps, table);
  paytimeApi(conversationSteps);
  setting(conversationSteps, ENV.whatsappPhoneNumberId, settings.whatsappPhoneNumberId);
  secret(conversationSteps, 'whatsappAccessToken');
  if (settings.openAiEnabled) secret(conversationSteps, 'openAiApiKey');
  startExecutions(conversationSteps, ENV.reminderStateMachineArn, reminderLoop);
  // An owner's CSV is stored under imports/ and starts the aging import workflow, which answers at its end.
  readWriteFiles(conversationSteps, stack.files.bucket, FILE_PREFIXES.imports.prefix);
  startExecutions(conversationSteps, ENV.agingImportStateMachineArn, stack.agingImport);
  knowStateMachine(conversationSteps, ENV.conversationStateMachineArn, conversation);
  // Receipt photos: Tesseract's Portuguese data in a layer.
  readsOcrLanguageData(conversationSteps);
  // Recurring plans: one schedule per plan (managed here) starts the conversation each month, as the
  // schedule group's role; the function itself never starts conversations.
  manageSchedules(conversationSteps, stack.schedules);
  stack.schedules.allowStartExecution(conversation);
  setting(conversationSteps, ENV.usualMaxAmountCents, String(tenant.limits.usualMaxAmountCents));
  setting(
    conversationSteps,
    ENV.confirmationTimeoutSeconds,
    String(tenant.conversation.confirmationTimeoutSeconds),
  );

  // Reminder loop turns: re-check the boleto at Paytime before reminding (an unneeded reminder is the most
  // expensive line of the product), then the outbox. The loop ends itself: no Step Functions permission.
  const reminderStep = fns['reminder-step'];
  readWriteTable(reminderStep, table);
  paytimeApi(reminderStep);

  // Aging import steps: read the raw file and write its clean copy (imports/), the error CSV (outbound/),
  // the portfolio and the owner's summary (outbox) in the table. Its workflow reads the clean copy itself.
  const agingImport = fns['aging-import'];
  readWriteTable(agingImport, table);
  readWriteFiles(agingImport, stack.files.bucket, FILE_PREFIXES.imports.prefix);
  readWriteFiles(agingImport, stack.files.bucket, FILE_PREFIXES.outbound.prefix);

  // Paytime events from the stream: re-read the boleto at Paytime, apply it, stop the loop of a paid boleto.
  const paytimeEvents = fns['paytime-event-processor'];
  readWriteTable(paytimeEvents, table);
  paytimeApi(paytimeEvents);
  stopExecutions(paytimeEvents, ENV.reminderStateMachineArn, reminderLoop);
  consumeTableStream(paytimeEvents, table, {
    filterPattern: PAYTIME_EVENT_STREAM_FILTER_PATTERN,
    settings: PAYTIME_EVENT_SOURCE,
    onFailure: stack.failedEvents,
  });

  // Outbox relay: stream inserts of outbox items → a pointer on the channel's queue. No table data access.
  const relay = fns['outbox-relay'];
  sendToQueue(relay, ENV.whatsappQueueUrl, stack.whatsappDelivery.queue);
  sendToQueue(relay, ENV.emailQueueUrl, stack.emailDelivery.queue);
  consumeTableStream(relay, table, {
    filterPattern: OUTBOX_STREAM_FILTER_PATTERN,
    settings: OUTBOX_RELAY_EVENT_SOURCE,
    onFailure: stack.failedEvents,
  });

  // Statement read model: boletos and payments from the stream onto their contact's statement lines.
  const statementProjector = fns['statement-projector'];
  projectIntoTable(statementProjector, table);
  consumeTableStream(statementProjector, table, {
    filterPattern: STATEMENT_STREAM_FILTER_PATTERN,
    settings: STATEMENT_PROJECTOR_EVENT_SOURCE,
    onFailure: stack.failedEvents,
  });

  // Ledger read models: month figures and late-payment lines from the stream; budget alerts into the outbox.
  const ledgerProjector = fns['ledger-projector'];
  readWriteTable(ledgerProjector, table);
  consumeTableStream(ledgerProjector, table, {
    filterPattern: LEDGER_STREAM_FILTER_PATTERN,
    settings: LEDGER_PROJECTOR_EVENT_SOURCE,
    onFailure: stack.failedEvents,
  });

  // Tenant API (/v1, behind the JWT authorizer): reads and the same use cases as WhatsApp (cancel re-reads
  // and cancels at Paytime, then stops the boleto's reminder loop); its idempotency records live in the table.
  const tenantApi = fns['tenant-api'];
  readWriteTable(tenantApi, table);
  paytimeApi(tenantApi);
  stopExecutions(tenantApi, ENV.reminderStateMachineArn, reminderLoop);
  startExecutions(tenantApi, ENV.conversationStateMachineArn, conversation);
  // Aging imports by upload URL: presigns the PUT of the raw file (imports/), hashes it and starts the same
  // import workflow as a WhatsApp document; links to the import's error CSV (outbound/).
  readWriteFiles(tenantApi, stack.files.bucket, FILE_PREFIXES.imports.prefix);
  readFiles(tenantApi, stack.files.bucket, FILE_PREFIXES.outbound.prefix);
  startExecutions(tenantApi, ENV.agingImportStateMachineArn, stack.agingImport);
  // Exports: the tenant API checks the member and the request, then redirects to the export function's URL
  // with a 60 s ticket signed with the export-ticket key; that function checks it and streams the CSV (a
  // Function URL in RESPONSE_STREAM mode: an HTTP API Lambda integration cannot stream). The URL has no IAM
  // auth (an ERP cannot SigV4-sign): the ticket is its authorisation, checked before any read.
  const tenantExports = fns['tenant-exports'];
  readTable(tenantExports, table);
  secret(tenantExports, 'exportTicketKey');
  secret(tenantApi, 'exportTicketKey');
  const exportUrl = tenantExports.function.addFunctionUrl({
    authType: lambda.FunctionUrlAuthType.NONE,
    invokeMode: lambda.InvokeMode.RESPONSE_STREAM,
  });
  setting(tenantApi, ENV.exportUrl, exportUrl.url);
  // Team changes (owners: WhatsApp and /v1/members) put and remove members' sign-in accounts.
  manageMemberAccounts(tenantApi, stack.members.userPool);
  manageMemberAccounts(conversationSteps, stack.members.userPool);

  const deliveryBatch = {
    batchSize: DELIVERY_QUEUE_SETTINGS.batchSize,
    maxBatchingWindowSeconds: DELIVERY_QUEUE_SETTINGS.maximumBatchingWindowSeconds,
  };

  // WhatsApp delivery: claim the outbox item, enforce opt-out and limits, send through the Cloud API.
  const whatsappDelivery = fns['whatsapp-delivery'];
  readWriteTable(whatsappDelivery, table);
  setting(whatsappDelivery, ENV.whatsappPhoneNumberId, settings.whatsappPhoneNumberId);
  setting(whatsappDelivery, ENV.whatsappApiVersion, settings.whatsappGraphApiVersion);
  secret(whatsappDelivery, 'whatsappAccessToken');
  controlOwnQueue(whatsappDelivery, stack.whatsappDelivery.queue, stack.whatsappDelivery.maxReceiveCount);
  consumeQueue(whatsappDelivery, stack.whatsappDelivery.queue, {
    ...deliveryBatch,
    maxConcurrency: DELIVERY_QUEUE_SETTINGS.maxConcurrency.whatsapp,
  });

  // E-mail delivery through SES with the stack's configuration set.
  const emailDelivery = fns['email-delivery'];
  readWriteTable(emailDelivery, table);
  sendEmail(
    emailDelivery,
    stack.email.configurationSet,
    settings.email.fromAddress,
    settings.email.replyToAddress,
  );
  // The files an e-mail attaches (the monthly report's PDF) are read at send time from the outbound prefix.
  readFiles(emailDelivery, stack.files.bucket, FILE_PREFIXES.outbound.prefix);
  controlOwnQueue(emailDelivery, stack.emailDelivery.queue, stack.emailDelivery.maxReceiveCount);
  consumeQueue(emailDelivery, stack.emailDelivery.queue, {
    ...deliveryBatch,
    maxConcurrency: DELIVERY_QUEUE_SETTINGS.maxConcurrency.email,
  });

  // SES events (configuration set → default bus → rule): record delivery / bounce / complaint per message,
  // mark bounced or complained addresses, tell the owner.
  const emailEvents = fns['email-events'];
  readWriteTable(emailEvents, table);
  stack.email.deliverEventsTo(emailEvents, stack.failedEvents);

  // Daily reconciliation (EventBridge Scheduler): ask Paytime about open boletos, heal missed webhooks.
  const reconciliation = fns.reconciliation;
  readWriteTable(reconciliation, table);
  paytimeApi(reconciliation);
  stopExecutions(reconciliation, ENV.reminderStateMachineArn, reminderLoop);

  // Daily finance check (EventBridge Scheduler): tracked subscriptions missing from the month's ledger.
  readWriteTable(fns['finance-daily'], table);
  // Owner reports (the tenant's report schedule): read the ledger and boletos, store the PDF under outbound/,
  // queue the WhatsApp document and e-mail. The conversation changes the schedule ("toda segunda") and sends
  // reports asked for by message, so it knows the function and may manage schedules that invoke it.
  const report = fns.report;
  readWriteTable(report, table);
  readWriteFiles(report, stack.files.bucket, FILE_PREFIXES.outbound.prefix);
  stack.schedules.allowInvoke(report);
  setting(conversationSteps, ENV.reportFunctionArn, report.function.functionArn);
  // A new stack has no report schedule until someone creates it: the daily finance check creates the monthly
  // one when the tenant has none (an owner's "toda segunda" is kept), so a deployed tenant gets its report.
  manageSchedules(fns['finance-daily'], stack.schedules);
  setting(fns['finance-daily'], ENV.reportFunctionArn, report.function.functionArn);
}
