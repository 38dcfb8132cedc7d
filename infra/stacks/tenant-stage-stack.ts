import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Tags } from 'aws-cdk-lib';
import { HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { DELIVERY_QUEUE_SETTINGS } from '#adapters/sqs/delivery-queue-settings';
import type { TenantStageConfig } from '#infra/config/load-tenant-config';
import { secretParameterPrefix } from '#infra/config/secret-parameters';
import { tenantSettingsEnvironment } from '#infra/config/tenant-settings-environment';
import { DailySchedule } from '#infra/constructs/daily-schedule';
import { DeliveryQueue, failedEventsQueue } from '#infra/constructs/delivery-queue';
import { EmailSending } from '#infra/constructs/email-sending';
import { FILE_PREFIXES, FileStorage } from '#infra/constructs/file-storage';
import { IrisFunction } from '#infra/constructs/iris-function';
import { IrisStateMachine } from '#infra/constructs/iris-state-machine';
import { IrisTable } from '#infra/constructs/iris-table';
import { MemberDirectory } from '#infra/constructs/member-directory';
import { OperatorAlarms } from '#infra/constructs/operator-alarms';
import { IrisScheduleGroup } from '#infra/constructs/schedule-group';
import { WebhookApi } from '#infra/constructs/webhook-api';
import type { Stage } from '#infra/stage';
import { agingImportWorkflowDefinition } from '#workflows/aging-import-workflow';
import { conversationWorkflowDefinition, OWNER_PROMPT_SIGNALS } from '#workflows/conversation-workflow';
import { REMINDER_LOOP_ENDED_ERROR, reminderLoopWorkflowDefinition } from '#workflows/reminder-loop-workflow';
import {
  FINANCE_DAILY_TIME,
  FUNCTION_CATALOGUE,
  FUNCTION_NAMES,
  FUNCTIONS_DIRECTORY,
  type FunctionName,
  handlerEntry,
} from './function-catalogue';
import { wireFunctions } from './wire-functions';

/** Named errors a function ends with by design, caught by its workflow: left out of its error alarm. */
const EXPECTED_FUNCTION_ERRORS: Partial<Record<string, readonly string[]>> = {
  'reminder-step': [REMINDER_LOOP_ENDED_ERROR],
  'conversation-steps': Object.values(OWNER_PROMPT_SIGNALS),
};
export interface TenantStageStackProps extends StackProps {
  /** The validated `config/tenants/<tenant>.json` with the deployed stage's settings. */
  readonly config: TenantStageConfig;
  /** Where the handlers are (`<dir>/<name>/handler.ts`); defaults to the repository's `functions/`. */
  readonly functionsDirectory?: string;
}

export const WEBHOOK_PATHS = { whatsapp: '/webhooks/whatsapp', paytime: '/webhooks/paytime' } as const;
/** Rejected signatures / credentials per 5 minutes that page the operators. */
export const SIGNATURE_REJECTION_ALARM_THRESHOLD = 10;

function constructId(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_m, _dash, letter: string) => letter.toUpperCase());
}

/**
 * Everything one tenant needs in one stage: the table, the file bucket, the webhook API, the functions, the two workflows,
 * the delivery queues, the reconciliation schedule, the SES configuration set and the operators' alarms.
 * `prod` keeps its data (deletion protection, RETAIN); `dev` is disposable (DESTROY).
 */
export class TenantStageStack extends Stack {
  readonly tenantId: string;
  readonly stage: Stage;
  readonly table: IrisTable;
  readonly files: FileStorage;
  readonly functions: Readonly<Record<FunctionName, IrisFunction>>;
  readonly api: WebhookApi;
  readonly members: MemberDirectory;
  readonly conversation: IrisStateMachine;
  readonly reminderLoop: IrisStateMachine;
  readonly agingImport: IrisStateMachine;
  readonly whatsappDelivery: DeliveryQueue;
  readonly emailDelivery: DeliveryQueue;
  readonly failedEvents: sqs.Queue;
  readonly email: EmailSending;
  readonly reconciliationSchedule: DailySchedule;
  readonly financeDailySchedule: DailySchedule;
  /** Run-time schedules (recurring charges, campaigns, reports): the group and the role they run as. */
  readonly schedules: IrisScheduleGroup;
  readonly alarms: OperatorAlarms;

  constructor(scope: Construct, id: string, props: TenantStageStackProps) {
    super(scope, id, props);
    const { tenant, stage, settings } = props.config;
    this.tenantId = tenant.tenantId;
    this.stage = stage;
    const production = stage === 'prod';
    const removalPolicy = production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    const logRetention = settings.logRetentionDays as RetentionDays;
    const prefix = `iris-${this.tenantId}-${stage}`;
    Tags.of(this).add('iris:tenant', this.tenantId);
    Tags.of(this).add('iris:stage', stage);

    this.table = new IrisTable(this, 'Storage', { production });
    this.files = new FileStorage(this, 'Files', { production });

    const tenantSettingsJson = JSON.stringify(tenantSettingsEnvironment(props.config));
    const functions = {} as Record<FunctionName, IrisFunction>;
    for (const name of FUNCTION_NAMES) {
      const spec = FUNCTION_CATALOGUE[name];
      functions[name] = new IrisFunction(this, constructId(name), {
        name,
        entry: handlerEntry(name, props.functionsDirectory ?? FUNCTIONS_DIRECTORY),
        description: spec.description,
        tenantId: this.tenantId,
        stage,
        memorySize: spec.memorySize,
        timeout: Duration.seconds(spec.timeoutSeconds),
        logRetention,
        removalPolicy,
        logLevel: production ? 'INFO' : 'DEBUG',
        tenantSettingsJson,
        ...('lazyPackages' in spec && { lazyPackages: spec.lazyPackages }),
        ...('packagesWithFiles' in spec && { packagesWithFiles: spec.packagesWithFiles }),
      });
    }
    this.functions = functions;

    // Built from the numbers the delivery functions' retry logic reads, so the two cannot drift.
    const deliveryQueueProps = {
      visibilityTimeout: Duration.seconds(DELIVERY_QUEUE_SETTINGS.visibilityTimeoutSeconds),
      maxReceiveCount: DELIVERY_QUEUE_SETTINGS.maxReceiveCount,
      retention: Duration.seconds(DELIVERY_QUEUE_SETTINGS.retentionSeconds),
      removalPolicy,
    };
    this.whatsappDelivery = new DeliveryQueue(this, 'WhatsAppDeliveryQueue', deliveryQueueProps);
    this.emailDelivery = new DeliveryQueue(this, 'EmailDeliveryQueue', deliveryQueueProps);
    this.failedEvents = failedEventsQueue(this, 'FailedEvents', removalPolicy);

    this.reminderLoop = new IrisStateMachine(this, 'ReminderLoop', {
      stateMachineName: `${prefix}-reminder-loop`,
      definition: reminderLoopWorkflowDefinition(),
      taskFunctions: { ReminderStepFunctionArn: functions['reminder-step'] },
      logRetention,
      removalPolicy,
    });
    this.agingImport = new IrisStateMachine(this, 'AgingImportWorkflow', {
      stateMachineName: `${prefix}-aging-import`,
      definition: agingImportWorkflowDefinition(),
      taskFunctions: { AgingImportFunctionArn: functions['aging-import'] },
      substitutions: { FilesBucketName: this.files.bucket.bucketName },
      logRetention,
      removalPolicy,
      distributedMapItems: { bucket: this.files.bucket, prefix: FILE_PREFIXES.imports.prefix },
    });
    this.conversation = new IrisStateMachine(this, 'Conversation', {
      stateMachineName: `${prefix}-conversation`,
      definition: conversationWorkflowDefinition({
        confirmationTimeoutSeconds: tenant.conversation.confirmationTimeoutSeconds,
      }),
      taskFunctions: { ConversationStepsFunctionArn: functions['conversation-steps'] },
      logRetention,
      removalPolicy,
    });

    this.api = new WebhookApi(this, 'Webhooks', {
      apiName: `${prefix}-webhooks`,
      routes: [
        {
          path: WEBHOOK_PATHS.whatsapp,
          methods: [HttpMethod.GET, HttpMethod.POST],
          handler: functions['whatsapp-webhook'],
        },
        { path: WEBHOOK_PATHS.paytime, methods: [HttpMethod.POST], handler: functions['paytime-webhook'] },
      ],
      throttle: settings.webhookThrottle,
      logRetention,
      removalPolicy,
    });

    this.members = new MemberDirectory(this, 'Members', { userPoolName: prefix, removalPolicy });
    this.members.addApiRoutes(this.api.api, functions['tenant-api'], this.api.stage);

    this.email = new EmailSending(this, 'Email', { configurationSetName: prefix, tenantId: this.tenantId });

    this.reconciliationSchedule = new DailySchedule(this, 'ReconciliationSchedule', {
      scheduleName: `${prefix}-reconciliation`,
      description: `Daily Paytime reconciliation of ${this.tenantId} (${stage}), America/Sao_Paulo`,
      target: functions.reconciliation,
      hour: settings.reconciliation.hour,
      minute: settings.reconciliation.minute,
      input: { source: 'iris.reconciliation', tenantId: this.tenantId },
      deadLetterQueue: this.failedEvents,
    });

    this.financeDailySchedule = new DailySchedule(this, 'FinanceDailySchedule', {
      scheduleName: `${prefix}-finance-daily`,
      description: `Daily finance check of ${this.tenantId} (${stage}): subscriptions expected, America/Sao_Paulo`,
      target: functions['finance-daily'],
      ...FINANCE_DAILY_TIME,
      input: { source: 'iris.finance-daily', tenantId: this.tenantId },
      deadLetterQueue: this.failedEvents,
    });

    this.schedules = new IrisScheduleGroup(this, 'Schedules', {
      groupName: prefix,
      deadLetterQueue: this.failedEvents,
      removalPolicy,
    });

    wireFunctions(this, functions, props.config);

    this.alarms = new OperatorAlarms(this, 'Alarms', {
      prefix,
      logMetricNamespace: `IRIS/${this.tenantId}/${stage}`,
      alarmEmail: settings.alarmEmail,
    });
    this.alarms.deadLetterQueueNotEmpty('WhatsAppDeliveryDlq', this.whatsappDelivery.deadLetterQueue);
    this.alarms.deadLetterQueueNotEmpty('EmailDeliveryDlq', this.emailDelivery.deadLetterQueue);
    this.alarms.deadLetterQueueNotEmpty('FailedEventsDlq', this.failedEvents);
    this.alarms.workflowFailures('ConversationFailures', this.conversation.stateMachine);
    this.alarms.workflowFailures('ReminderLoopFailures', this.reminderLoop.stateMachine);
    this.alarms.webhookServerErrors('Webhook5xx', this.api.api);
    this.alarms.webhookClientErrorRate('Webhook4xxRate', this.api.api);
    for (const name of ['whatsapp-webhook', 'paytime-webhook'] as const) {
      this.alarms.signatureRejectionSpike(
        `${constructId(name)}SignatureRejections`,
        functions[name],
        SIGNATURE_REJECTION_ALARM_THRESHOLD,
      );
    }
    for (const name of FUNCTION_NAMES) {
      // Functions that end by design with named errors Step Functions catches (workflows/*-workflow.ts).
      const expectedErrors = EXPECTED_FUNCTION_ERRORS[name];
      if (expectedErrors) {
        this.alarms.functionErrorsExcept(`${constructId(name)}Errors`, functions[name], expectedErrors);
      } else {
        this.alarms.functionErrors(`${constructId(name)}Errors`, functions[name]);
      }
    }

    new CfnOutput(this, 'TableName', { value: this.table.table.tableName });
    new CfnOutput(this, 'FilesBucketName', { value: this.files.bucket.bucketName });
    new CfnOutput(this, 'WhatsAppWebhookUrl', { value: this.api.urlOf(WEBHOOK_PATHS.whatsapp) });
    new CfnOutput(this, 'PaytimeWebhookUrl', { value: this.api.urlOf(WEBHOOK_PATHS.paytime) });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarms.topic.topicArn });
    new CfnOutput(this, 'SecretParameterPrefix', { value: secretParameterPrefix(this.tenantId, stage) });
  }
}
