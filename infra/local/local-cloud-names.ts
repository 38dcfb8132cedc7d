import { DEMO_TENANT } from './demo-tenant';

/**
 * Names, ARNs and local secrets of the local cloud: the same shapes the tenant-stage stack gives its
 * resources (`iris-<tenant>-<stage>-…`), with the stage `local`. Secrets are plain values here (the functions
 * read `<NAME>` locally, `<NAME>_PARAMETER` in AWS): they protect nothing but the shape of the code path.
 */

export const LOCAL_REGION = 'us-east-1';
export const LOCAL_ACCOUNT_ID = '000000000000';
export const LOCAL_STAGE = 'local';
const PREFIX = `iris-${DEMO_TENANT.tenantId}-${LOCAL_STAGE}`;

/** The functions of the stack, each `functions/<name>/handler.ts` exporting `handler`. */
export const LOCAL_FUNCTION_NAMES = [
  'whatsapp-webhook',
  'inbound-router',
  'paytime-webhook',
  'conversation-steps',
  'reminder-step',
  'paytime-event-processor',
  'outbox-relay',
  'whatsapp-delivery',
  'email-delivery',
  'email-events',
  'reconciliation',
  'statement-projector',
  'ledger-projector',
  'tenant-api',
  'finance-daily',
  'tenant-exports',
  'aging-import',
  'report',
] as const;

export type LocalFunctionName = (typeof LOCAL_FUNCTION_NAMES)[number];

export function functionArn(name: LocalFunctionName): string {
  return `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:function:${PREFIX}-${name}`;
}

export function stateMachineArn(kind: 'conversation' | 'reminder-loop' | 'aging-import'): string {
  return `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:stateMachine:${PREFIX}-${kind}`;
}

/** EventBridge Scheduler: the stack's group for run-time schedules and the role they run as. */
export const SCHEDULE_GROUP_NAME = PREFIX;
export const SCHEDULER_ROLE_ARN = `arn:aws:iam::${LOCAL_ACCOUNT_ID}:role/${PREFIX}-scheduler`;

export const QUEUE_NAMES = {
  whatsapp: `${PREFIX}-whatsapp-delivery`,
  whatsappDlq: `${PREFIX}-whatsapp-delivery-dlq`,
  email: `${PREFIX}-email-delivery`,
  emailDlq: `${PREFIX}-email-delivery-dlq`,
  failedEvents: `${PREFIX}-failed-events`,
} as const;

/** The stack's file bucket, created by the local S3 emulator at start. */
export const FILES_BUCKET_NAME = `${PREFIX}-files`;

export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

export const LOCAL_SECRETS = {
  whatsAppAppSecret: 'local-whatsapp-app-secret',
  whatsAppVerifyToken: 'local-whatsapp-verify-token',
  whatsAppAccessToken: 'local-whatsapp-access-token',
  paytimeWebhookUser: 'paytime',
  paytimeWebhookPassword: 'local-paytime-webhook-password',
  /** Signs the export tickets (the tenant API issues them, the export function checks them); 32+ characters. */
  exportTicketKey: 'local-export-ticket-key-0123456789abcdef',
  /** Any key: the OpenAI simulator only checks one is sent. */
  openAiSimulatorKey: 'local-openai-simulator-key',
} as const;

export const LOCAL_EMAIL = {
  /** The demo owner's address: each report's e-mail copy goes there (the SES viewer shows it). */
  ownerReports: 'ana@demo.iris.local',
  configurationSet: PREFIX,
  fromAddress: 'cobranca@demo.iris.local',
  replyTo: 'financeiro@demo.iris.local',
} as const;

export const WHATSAPP_API_VERSION = 'v23.0';

/** The daily Paytime reconciliation, São Paulo wall clock (as `config/tenants/demo.json`). */
export const RECONCILIATION_TIME = { hour: 6, minute: 30 } as const;

/** The tenant's conversation rules (as `config/tenants/demo.json`). */
export const CONVERSATION_RULES = {
  usualMaxAmountCents: 500_000,
  confirmationTimeoutSeconds: 86_400,
} as const;
