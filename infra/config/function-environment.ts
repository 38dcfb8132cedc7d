/**
 * The environment variable names the stack gives the functions, matching what the handlers' `shared/config/*`
 * modules parse (the only place that touches `process.env`). `docs/deploy.md` lists which function gets which.
 * A variable is set together with the permission it needs (`infra/constructs/function-access.ts`).
 *
 * Secrets follow `shared/config/secret-values.ts`: the function receives `<NAME>_PARAMETER`, the NAME of an
 * SSM SecureString parameter, never the value; a rotating secret has a second slot `<NAME>_PREVIOUS_PARAMETER`.
 */
export const ENV = {
  // Every function
  tenantId: 'IRIS_TENANT_ID',
  stage: 'IRIS_STAGE',
  /** JSON `TenantSettingsEnvironment` (infra/config/tenant-settings-environment.ts): the tenant's public defaults. */
  tenantSettings: 'IRIS_TENANT_SETTINGS',
  // Members: the tenant-stage Cognito user pool whose sign-in accounts owners' team changes put and remove
  memberUserPoolId: 'MEMBER_USER_POOL_ID',
  // Storage
  tableName: 'TABLE_NAME',
  /** The stack's file bucket (imports, generated reports). */
  filesBucketName: 'FILES_BUCKET_NAME',
  // Workflows
  conversationStateMachineArn: 'CONVERSATION_STATE_MACHINE_ARN',
  reminderStateMachineArn: 'REMINDER_STATE_MACHINE_ARN',
  agingImportStateMachineArn: 'AGING_IMPORT_STATE_MACHINE_ARN',
  // Queues: the relay's targets, and a delivery function's own queue (push back, re-queue).
  whatsappQueueUrl: 'WHATSAPP_QUEUE_URL',
  emailQueueUrl: 'EMAIL_QUEUE_URL',
  deliveryQueueUrl: 'DELIVERY_QUEUE_URL',
  deliveryMaxReceiveCount: 'DELIVERY_MAX_RECEIVE_COUNT',
  // WhatsApp
  whatsappPhoneNumberId: 'WHATSAPP_PHONE_NUMBER_ID',
  whatsappApiVersion: 'WHATSAPP_API_VERSION',
  // Paytime
  paytimeBaseUrl: 'PAYTIME_BASE_URL',
  // E-mail
  sesConfigurationSet: 'SES_CONFIGURATION_SET',
  emailFromAddress: 'EMAIL_FROM_ADDRESS',
  /** Comma-separated. */
  emailReplyTo: 'EMAIL_REPLY_TO',
  // Conversation rules from the tenant config
  usualMaxAmountCents: 'USUAL_MAX_AMOUNT_CENTS',
  confirmationTimeoutSeconds: 'CONFIRMATION_TIMEOUT_SECONDS',
  // Receipts: the folder of Tesseract's Portuguese data (a layer, `infra/constructs/ocr-language-data.ts`)
  ocrLangPath: 'OCR_LANG_PATH',
  // EventBridge Scheduler: the group run-time schedules live in, the role they run as, their dead letters
  scheduleGroupName: 'SCHEDULE_GROUP_NAME',
  schedulerRoleArn: 'SCHEDULER_ROLE_ARN',
  scheduleDeadLetterQueueArn: 'SCHEDULE_DEAD_LETTER_QUEUE_ARN',
  // Exports: the export function's Function URL, where the tenant API redirects `/v1/exports/*`
  exportUrl: 'EXPORT_URL',
  /** The report function: target of the tenant's report schedule (set on whoever changes that schedule). */
  reportFunctionArn: 'REPORT_FUNCTION_ARN',
  /** Where the owner's copy of each report is e-mailed (the tenant config's `reportEmail`); optional. */
  reportOwnerEmail: 'REPORT_OWNER_EMAIL',
} as const;

export type EnvName = (typeof ENV)[keyof typeof ENV];

/**
 * Secret names (`shared/config/secret-values.ts` reads `<NAME>` locally, `<NAME>_PARAMETER` in the cloud).
 * `rotating` secrets also get `<NAME>_PREVIOUS_PARAMETER`: the handler accepts either value.
 */
export const SECRETS = {
  whatsappAppSecret: { name: 'WHATSAPP_APP_SECRET', parameter: 'whatsapp/app-secret', rotating: true },
  whatsappVerifyToken: { name: 'WHATSAPP_VERIFY_TOKEN', parameter: 'whatsapp/verify-token', rotating: false },
  whatsappAccessToken: { name: 'WHATSAPP_ACCESS_TOKEN', parameter: 'whatsapp/access-token', rotating: false },
  /**
   * JSON `{"integrationKey":"…","authenticationKey":"…","xToken":"…"}`: the three Paytime API credentials in
   * one parameter, so they change together (one update, one read, no half-rotated set).
   */
  paytimeApiCredentials: {
    name: 'PAYTIME_API_CREDENTIALS',
    parameter: 'paytime/api-credentials',
    rotating: false,
  },
  /** `user:password` that Paytime's webhook sends as HTTP Basic auth. */
  paytimeWebhookCredentials: {
    name: 'PAYTIME_WEBHOOK_CREDENTIALS',
    parameter: 'paytime/webhook-credentials',
    rotating: true,
  },
  openAiApiKey: { name: 'OPENAI_API_KEY', parameter: 'openai/api-key', rotating: false },
  /** Signs the 60 s export tickets (tenant API) and checks them (export function); 32+ random characters. */
  exportTicketKey: { name: 'EXPORT_TICKET_KEY', parameter: 'api/export-ticket-key', rotating: true },
} as const;

export type SecretId = keyof typeof SECRETS;

/** The SSM parameter suffix of a rotating secret's second slot. */
export const PREVIOUS_SLOT_SUFFIX = '-previous';

/** Seconds the Parameters and Secrets extension caches a secret (`SSM_PARAMETER_STORE_TTL`). */
export const PARAMETERS_MAX_AGE_SECONDS = 300;
