import { DEMO_TENANT } from './demo-tenant';
import { LOCAL_EXPORT_URL_PREFIX } from './export-function-url';
import {
  CONVERSATION_RULES,
  FILES_BUCKET_NAME,
  functionArn,
  LOCAL_CREDENTIALS,
  LOCAL_EMAIL,
  LOCAL_REGION,
  LOCAL_SECRETS,
  LOCAL_STAGE,
  type LocalFunctionName,
  SCHEDULE_GROUP_NAME,
  SCHEDULER_ROLE_ARN,
  stateMachineArn,
  WHATSAPP_API_VERSION,
} from './local-cloud-names';

/**
 * The environment the local cloud gives the functions: what the stack sets in AWS (`infra/config/
 * function-environment.ts`), with local endpoints and plain-value secrets. The functions run in this one
 * process, so the environment is the union of every function's; the only variable that differs between two
 * functions (`DELIVERY_QUEUE_URL`) is set just before that function's module is loaded (its configuration is
 * read once, at load). Written before any function module is imported.
 */

export interface LocalEndpoints {
  dynamoDb: string;
  stepFunctions: string;
  sqs: string;
  ses: string;
  paytime: string;
  whatsapp: string;
  scheduler: string;
  /** The OpenAI simulator (`http://127.0.0.1:<port>`): voice-note transcription. */
  openai: string;
  s3: string;
}

export interface LocalEnvironmentInput {
  tableName: string;
  /** The local cloud's API URL; the export function's Function URL is `<api>/_exports` there. */
  apiUrl: string;
  endpoints: LocalEndpoints;
  queueUrls: { whatsapp: string; email: string };
  /** The failed-events queue's ARN: run-time schedules' dead letters. */
  failedEventsQueueArn: string;
  /** A real OpenAI key for the text model (`IRIS_LOCAL_OPENAI_API_KEY`); absent: the deterministic parser. */
  openAiApiKey?: string;
  /** Powertools log level of the functions (default WARN). */
  logLevel?: string;
  /** Print the functions' EMF metric lines (default: off, to keep the local cloud's output readable). */
  emitMetrics?: boolean;
}

export function localFunctionEnvironment(input: LocalEnvironmentInput): Record<string, string> {
  const { endpoints } = input;
  return {
    AWS_REGION: LOCAL_REGION,
    AWS_DEFAULT_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_EC2_METADATA_DISABLED: 'true',
    // The SDK's standard per-service endpoints, the only way a function's client is pointed at a local service:
    // the production clients, unchanged, find them.
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamoDb,
    AWS_ENDPOINT_URL_DYNAMODB_STREAMS: endpoints.dynamoDb,
    AWS_ENDPOINT_URL_SFN: endpoints.stepFunctions,
    AWS_ENDPOINT_URL_SQS: endpoints.sqs,
    AWS_ENDPOINT_URL_SESV2: endpoints.ses,
    AWS_ENDPOINT_URL_SCHEDULER: endpoints.scheduler,
    AWS_ENDPOINT_URL_S3: endpoints.s3,
    // The S3 emulator answers path-style requests only (`<endpoint>/<bucket>/<key>`).
    S3_FORCE_PATH_STYLE: 'true',
    POWERTOOLS_LOG_LEVEL: input.logLevel ?? 'WARN',
    POWERTOOLS_METRICS_NAMESPACE: 'IRIS',
    POWERTOOLS_METRICS_DISABLED: input.emitMetrics ? 'false' : 'true',
    POWERTOOLS_TRACE_DISABLED: 'true',
    IRIS_TENANT_ID: DEMO_TENANT.tenantId,
    IRIS_STAGE: LOCAL_STAGE,
    IRIS_TENANT_SETTINGS: JSON.stringify(tenantSettings()),
    TABLE_NAME: input.tableName,
    FILES_BUCKET_NAME,
    CONVERSATION_STATE_MACHINE_ARN: stateMachineArn('conversation'),
    REMINDER_STATE_MACHINE_ARN: stateMachineArn('reminder-loop'),
    AGING_IMPORT_STATE_MACHINE_ARN: stateMachineArn('aging-import'),
    SCHEDULE_GROUP_NAME,
    SCHEDULER_ROLE_ARN,
    SCHEDULE_DEAD_LETTER_QUEUE_ARN: input.failedEventsQueueArn,
    REPORT_FUNCTION_ARN: functionArn('report'),
    REPORT_OWNER_EMAIL: LOCAL_EMAIL.ownerReports,
    WHATSAPP_QUEUE_URL: input.queueUrls.whatsapp,
    EMAIL_QUEUE_URL: input.queueUrls.email,
    DELIVERY_QUEUE_URL: input.queueUrls.whatsapp,
    WHATSAPP_PHONE_NUMBER_ID: DEMO_TENANT.whatsAppPhoneNumberId,
    WHATSAPP_API_VERSION,
    WHATSAPP_API_BASE_URL: endpoints.whatsapp,
    PAYTIME_BASE_URL: endpoints.paytime,
    // Same retries as deployed, 5 ms apart instead of 200 ms: an outage replayed over virtual days would
    // otherwise spend real seconds in backoff at every wake-up.
    PAYTIME_RETRY_BASE_DELAY_MS: '5',
    SES_CONFIGURATION_SET: LOCAL_EMAIL.configurationSet,
    EMAIL_FROM_ADDRESS: LOCAL_EMAIL.fromAddress,
    EMAIL_REPLY_TO: LOCAL_EMAIL.replyTo,
    USUAL_MAX_AMOUNT_CENTS: String(CONVERSATION_RULES.usualMaxAmountCents),
    CONFIRMATION_TIMEOUT_SECONDS: String(CONVERSATION_RULES.confirmationTimeoutSeconds),
    EXPORT_URL: `${input.apiUrl}${LOCAL_EXPORT_URL_PREFIX}`,
    // Secrets as values (`shared/config/secret-values.ts`).
    EXPORT_TICKET_KEY: LOCAL_SECRETS.exportTicketKey,
    WHATSAPP_APP_SECRET: LOCAL_SECRETS.whatsAppAppSecret,
    WHATSAPP_VERIFY_TOKEN: LOCAL_SECRETS.whatsAppVerifyToken,
    WHATSAPP_ACCESS_TOKEN: LOCAL_SECRETS.whatsAppAccessToken,
    PAYTIME_WEBHOOK_CREDENTIALS: `${LOCAL_SECRETS.paytimeWebhookUser}:${LOCAL_SECRETS.paytimeWebhookPassword}`,
    // The text model: the deterministic pt-BR parser, unless the shell gives a real key on purpose
    // (IRIS_LOCAL_OPENAI_API_KEY); an OPENAI_API_KEY the shell happens to hold is never used.
    OPENAI_API_KEY: input.openAiApiKey ?? '',
    // Voice notes: the real transcription adapter against the local OpenAI simulator, always.
    TRANSCRIPTION_BASE_URL: `${endpoints.openai}/v1`,
    TRANSCRIPTION_API_KEY: LOCAL_SECRETS.openAiSimulatorKey,
  };
}

/** The tenant's public settings (`IRIS_TENANT_SETTINGS`, as the stack derives them from the tenant's config). */
function tenantSettings() {
  return {
    tenantId: DEMO_TENANT.tenantId,
    displayName: DEMO_TENANT.name,
    whatsappPhoneNumberId: DEMO_TENANT.whatsAppPhoneNumberId,
    reminders: {
      window: { ...DEMO_TENANT.reminderWindow, weekdays: [...DEMO_TENANT.reminderWindow.weekdays] },
      cadenceDaysFromDue: [...DEMO_TENANT.cadenceDaysFromDue],
    },
    interestPolicy: { ...DEMO_TENANT.interestPolicy },
    limits: { ...DEMO_TENANT.limits, usualMaxAmountCents: CONVERSATION_RULES.usualMaxAmountCents },
    conversation: { confirmationTimeoutSeconds: CONVERSATION_RULES.confirmationTimeoutSeconds },
  };
}

/** Paytime's API keys: the JSON secret the functions read (`paytimeApiConfigOf`). */
export function paytimeKeyEnvironment(credentials: {
  integrationKey: string;
  authenticationKey: string;
  xToken: string;
}): Record<string, string> {
  return {
    PAYTIME_API_CREDENTIALS: JSON.stringify(credentials),
  };
}

/** What differs per function, applied just before its module is loaded. */
export function perFunctionEnvironment(
  name: LocalFunctionName,
  queueUrls: { whatsapp: string; email: string },
): Record<string, string> {
  if (name === 'whatsapp-delivery') return { DELIVERY_QUEUE_URL: queueUrls.whatsapp };
  if (name === 'email-delivery') return { DELIVERY_QUEUE_URL: queueUrls.email };
  return {};
}

/** Variables that would send a function to AWS instead of the local cloud, removed from the environment. */
export const CLOUD_ONLY_VARIABLES = [
  'AWS_PROFILE',
  'AWS_SESSION_TOKEN',
  'OPENAI_API_KEY_PARAMETER',
  'WHATSAPP_APP_SECRET_PARAMETER',
  'WHATSAPP_APP_SECRET_PREVIOUS_PARAMETER',
  'WHATSAPP_VERIFY_TOKEN_PARAMETER',
  'WHATSAPP_ACCESS_TOKEN_PARAMETER',
  'PAYTIME_API_CREDENTIALS_PARAMETER',
  'PAYTIME_WEBHOOK_CREDENTIALS_PARAMETER',
  'PAYTIME_WEBHOOK_CREDENTIALS_PREVIOUS_PARAMETER',
  'TRANSCRIPTION_API_KEY_PARAMETER',
] as const;
