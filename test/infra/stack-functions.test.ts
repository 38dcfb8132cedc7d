import { describe, expect, it } from 'vitest';
import { loadTenantConfig } from '#infra/config/load-tenant-config';
import { tenantSettingsEnvironment } from '#infra/config/tenant-settings-environment';
import { FUNCTION_CATALOGUE, FUNCTION_NAMES, type FunctionName } from '#infra/stacks/function-catalogue';
import { logicalIdOf, resourcesOfType, synthesizeTenantStage } from './support/tenant-stage-template';

const dev = synthesizeTenantStage('dev');
const prod = synthesizeTenantStage('prod');

function functionProperties(target: typeof dev, name: FunctionName) {
  const id = logicalIdOf(target.stack, target.stack.functions[name].function);
  const resource = target.json.Resources[id];
  expect(resource?.Type).toBe('AWS::Lambda::Function');
  return resource?.Properties as {
    Runtime: string;
    Architectures: string[];
    MemorySize: number;
    Timeout: number;
    Handler: string;
    TracingConfig: { Mode: string };
    LoggingConfig: { LogFormat: string; LogGroup: { Ref: string }; ApplicationLogLevel: string };
    Role: { 'Fn::GetAtt': [string, string] };
    Environment: { Variables: Record<string, unknown> };
  };
}

function environmentOf(target: typeof dev, name: FunctionName): Record<string, unknown> {
  return functionProperties(target, name).Environment.Variables;
}

const EVERY_FUNCTION = [
  'IRIS_TENANT_ID',
  'IRIS_STAGE',
  'IRIS_TENANT_SETTINGS',
  'POWERTOOLS_SERVICE_NAME',
  'POWERTOOLS_METRICS_NAMESPACE',
  'POWERTOOLS_LOG_LEVEL',
];
/** What the Parameters and Secrets extension's layer reads, on every function that reads a secret. */
const PARAMETERS_EXTENSION = [
  'PARAMETERS_SECRETS_EXTENSION_CACHE_ENABLED',
  'PARAMETERS_SECRETS_EXTENSION_CACHE_SIZE',
  'PARAMETERS_SECRETS_EXTENSION_HTTP_PORT',
  'PARAMETERS_SECRETS_EXTENSION_LOG_LEVEL',
  'PARAMETERS_SECRETS_EXTENSION_MAX_CONNECTIONS',
  'SECRETS_MANAGER_TIMEOUT_MILLIS',
  'SECRETS_MANAGER_TTL',
  'SSM_PARAMETER_STORE_TIMEOUT_MILLIS',
  'SSM_PARAMETER_STORE_TTL',
];
const PAYTIME_API = ['PAYTIME_BASE_URL', 'PAYTIME_API_CREDENTIALS_PARAMETER'];

/** The contract with the handlers' `shared/config/*`: exactly these variables, per function (dev stage). */
const ENVIRONMENT_CONTRACT: Record<FunctionName, string[]> = {
  'whatsapp-webhook': [
    'TABLE_NAME',
    'WHATSAPP_APP_SECRET_PARAMETER',
    'WHATSAPP_APP_SECRET_PREVIOUS_PARAMETER',
    'WHATSAPP_VERIFY_TOKEN_PARAMETER',
  ],
  'inbound-router': [
    'TABLE_NAME',
    'CONVERSATION_STATE_MACHINE_ARN',
    'REMINDER_STATE_MACHINE_ARN',
    ...PAYTIME_API,
  ],
  'paytime-webhook': [
    'TABLE_NAME',
    'PAYTIME_WEBHOOK_CREDENTIALS_PARAMETER',
    'PAYTIME_WEBHOOK_CREDENTIALS_PREVIOUS_PARAMETER',
  ],
  'conversation-steps': [
    'TABLE_NAME',
    ...PAYTIME_API,
    'WHATSAPP_PHONE_NUMBER_ID',
    'WHATSAPP_ACCESS_TOKEN_PARAMETER',
    'CONVERSATION_STATE_MACHINE_ARN',
    'REMINDER_STATE_MACHINE_ARN',
    // An owner's spreadsheet starts the aging import workflow.
    'AGING_IMPORT_STATE_MACHINE_ARN',
    'USUAL_MAX_AMOUNT_CENTS',
    'CONFIRMATION_TIMEOUT_SECONDS',
    // Receipt photos: Tesseract's Portuguese data in a layer (infra/constructs/ocr-language-data.ts).
    'OCR_LANG_PATH',
    // Recurring plans (shared/config/schedules-config.ts) and the raw files bucket (object-store-config.ts).
    'SCHEDULE_GROUP_NAME',
    'SCHEDULER_ROLE_ARN',
    'SCHEDULE_DEAD_LETTER_QUEUE_ARN',
    'FILES_BUCKET_NAME',
    // Team changes put members' sign-in accounts (shared/config/member-accounts-config.ts).
    'MEMBER_USER_POOL_ID',
    // "me manda o resumo toda segunda" points the tenant's report schedule at it (report-config.ts).
    'REPORT_FUNCTION_ARN',
  ],
  'reminder-step': ['TABLE_NAME', ...PAYTIME_API],
  'paytime-event-processor': ['TABLE_NAME', ...PAYTIME_API, 'REMINDER_STATE_MACHINE_ARN'],
  'outbox-relay': ['WHATSAPP_QUEUE_URL', 'EMAIL_QUEUE_URL'],
  'whatsapp-delivery': [
    'TABLE_NAME',
    'DELIVERY_QUEUE_URL',
    'DELIVERY_MAX_RECEIVE_COUNT',
    'WHATSAPP_PHONE_NUMBER_ID',
    'WHATSAPP_API_VERSION',
    'WHATSAPP_ACCESS_TOKEN_PARAMETER',
  ],
  // FILES_BUCKET_NAME: the files an e-mail attaches (shared/application/outbox/email-attachments.ts).
  'email-delivery': [
    'TABLE_NAME',
    'DELIVERY_QUEUE_URL',
    'DELIVERY_MAX_RECEIVE_COUNT',
    'SES_CONFIGURATION_SET',
    'EMAIL_FROM_ADDRESS',
    'FILES_BUCKET_NAME',
  ],
  'email-events': ['TABLE_NAME'],
  reconciliation: ['TABLE_NAME', ...PAYTIME_API, 'REMINDER_STATE_MACHINE_ARN'],
  'statement-projector': ['TABLE_NAME'],
  // Creates the tenant's monthly report schedule when it has none (shared/config/report-config.ts).
  'finance-daily': [
    'TABLE_NAME',
    'SCHEDULE_GROUP_NAME',
    'SCHEDULER_ROLE_ARN',
    'SCHEDULE_DEAD_LETTER_QUEUE_ARN',
    'REPORT_FUNCTION_ARN',
  ],
  'ledger-projector': ['TABLE_NAME'],
  'aging-import': ['TABLE_NAME', 'FILES_BUCKET_NAME'],
  report: ['TABLE_NAME', 'FILES_BUCKET_NAME'],
  'tenant-api': [
    'TABLE_NAME',
    ...PAYTIME_API,
    'REMINDER_STATE_MACHINE_ARN',
    'CONVERSATION_STATE_MACHINE_ARN',
    'MEMBER_USER_POOL_ID',
    // Aging imports by upload URL: the workflow they start and the bucket the file is PUT to.
    'AGING_IMPORT_STATE_MACHINE_ARN',
    'FILES_BUCKET_NAME',
    // Exports: the export function's URL and the key that signs its tickets.
    'EXPORT_URL',
    'EXPORT_TICKET_KEY_PARAMETER',
    'EXPORT_TICKET_KEY_PREVIOUS_PARAMETER',
  ],
  'tenant-exports': ['TABLE_NAME', 'EXPORT_TICKET_KEY_PARAMETER', 'EXPORT_TICKET_KEY_PREVIOUS_PARAMETER'],
};

describe('TenantStageStack functions', () => {
  it('deploys exactly the thirteen catalogued functions', () => {
    expect(resourcesOfType(dev.json, 'AWS::Lambda::Function')).toHaveLength(FUNCTION_NAMES.length);
    expect(FUNCTION_NAMES).toHaveLength(18);
  });

  it.each(FUNCTION_NAMES)('runs %s on Node.js 22, arm64, with its catalogued memory and timeout', (name) => {
    const properties = functionProperties(dev, name);
    expect(properties.Runtime).toBe('nodejs22.x');
    expect(properties.Architectures).toEqual(['arm64']);
    expect(properties.MemorySize).toBe(FUNCTION_CATALOGUE[name].memorySize);
    expect(properties.Timeout).toBe(FUNCTION_CATALOGUE[name].timeoutSeconds);
    expect(properties.Handler).toBe('index.handler');
  });

  it.each(FUNCTION_NAMES)(
    'traces %s with X-Ray and logs JSON to its own log group with retention',
    (name) => {
      const properties = functionProperties(dev, name);
      expect(properties.TracingConfig).toEqual({ Mode: 'Active' });
      expect(properties.LoggingConfig.LogFormat).toBe('JSON');
      expect(properties.LoggingConfig.ApplicationLogLevel).toBe('DEBUG');
      const logGroup = dev.json.Resources[properties.LoggingConfig.LogGroup.Ref];
      expect(logGroup?.Type).toBe('AWS::Logs::LogGroup');
      expect(logGroup?.Properties.RetentionInDays).toBe(14);
      expect(functionProperties(prod, name).LoggingConfig.ApplicationLogLevel).toBe('INFO');
    },
  );

  it('gives every function a role of its own', () => {
    const roles = FUNCTION_NAMES.map((name) => functionProperties(dev, name).Role['Fn::GetAtt'][0]);
    expect(new Set(roles).size).toBe(FUNCTION_NAMES.length);
  });

  it.each(FUNCTION_NAMES)('gives %s exactly the environment its config reads', (name) => {
    const environment = environmentOf(dev, name);
    const readsSecrets = ENVIRONMENT_CONTRACT[name].some((variable) => variable.endsWith('_PARAMETER'));
    expect(Object.keys(environment).sort()).toEqual(
      [
        ...EVERY_FUNCTION,
        ...ENVIRONMENT_CONTRACT[name],
        ...(readsSecrets ? PARAMETERS_EXTENSION : []),
      ].sort(),
    );
  });

  it('sets Powertools for each function: its name as service, namespace IRIS, no --enable-source-maps', () => {
    for (const name of FUNCTION_NAMES) {
      expect(environmentOf(dev, name)).toMatchObject({
        POWERTOOLS_SERVICE_NAME: name,
        POWERTOOLS_METRICS_NAMESPACE: 'IRIS',
        POWERTOOLS_LOG_LEVEL: 'DEBUG',
        IRIS_TENANT_ID: 'demo',
        IRIS_STAGE: 'dev',
      });
      expect(environmentOf(dev, name).NODE_OPTIONS).toBeUndefined();
      expect(environmentOf(prod, name).POWERTOOLS_LOG_LEVEL).toBe('INFO');
    }
  });

  it('reads secrets through the Parameters and Secrets extension layer, cached for 5 minutes', () => {
    for (const name of FUNCTION_NAMES) {
      const readsSecrets = ENVIRONMENT_CONTRACT[name].some((variable) => variable.endsWith('_PARAMETER'));
      const layers = (functionProperties(dev, name) as { Layers?: unknown[] }).Layers ?? [];
      const readsReceipts = name === 'conversation-steps'; // + the OCR data layer (ocr-deployment.test.ts)
      expect(layers.length).toBe((readsSecrets ? 1 : 0) + (readsReceipts ? 1 : 0));
      if (readsSecrets) expect(environmentOf(dev, name).SSM_PARAMETER_STORE_TTL).toBe('300');
    }
  });

  it('passes the tenant settings JSON and the conversation rules from the tenant config', () => {
    const config = loadTenantConfig('demo', 'dev');
    expect(JSON.parse(environmentOf(dev, 'reminder-step').IRIS_TENANT_SETTINGS as string)).toEqual(
      tenantSettingsEnvironment(config),
    );
    expect(environmentOf(dev, 'conversation-steps')).toMatchObject({
      USUAL_MAX_AMOUNT_CENTS: String(config.tenant.limits.usualMaxAmountCents),
      CONFIRMATION_TIMEOUT_SECONDS: String(config.tenant.conversation.confirmationTimeoutSeconds),
      WHATSAPP_PHONE_NUMBER_ID: config.settings.whatsappPhoneNumberId,
      PAYTIME_BASE_URL: config.settings.paytimeBaseUrl,
    });
    expect(environmentOf(dev, 'whatsapp-delivery').DELIVERY_MAX_RECEIVE_COUNT).toBe('8');
  });

  it('reads the OpenAI key only where the stage enables it, and sets the reply-to only when configured', () => {
    expect(environmentOf(dev, 'conversation-steps')).not.toHaveProperty('OPENAI_API_KEY_PARAMETER');
    expect(environmentOf(prod, 'conversation-steps').OPENAI_API_KEY_PARAMETER).toBe(
      '/iris/demo/prod/openai/api-key',
    );
    expect(environmentOf(dev, 'email-delivery')).not.toHaveProperty('EMAIL_REPLY_TO');
    expect(environmentOf(prod, 'email-delivery').EMAIL_REPLY_TO).toBe('financeiro@demo.iris.example.com');
  });

  it('points every *_PARAMETER variable at an SSM name under the stage prefix', () => {
    for (const [target, stage] of [
      [dev, 'dev'],
      [prod, 'prod'],
    ] as const) {
      for (const name of FUNCTION_NAMES) {
        for (const [key, value] of Object.entries(environmentOf(target, name))) {
          if (key.endsWith('_PARAMETER'))
            expect(value).toMatch(new RegExp(`^/iris/demo/${stage}/[a-z]+/[a-z-]+$`));
        }
      }
    }
  });

  it('keeps logs and queues of prod when the stack is deleted, and discards dev ones', () => {
    for (const type of ['AWS::Logs::LogGroup', 'AWS::SQS::Queue']) {
      for (const [, resource] of resourcesOfType(prod.json, type))
        expect(resource.DeletionPolicy).toBe('Retain');
      for (const [, resource] of resourcesOfType(dev.json, type))
        expect(resource.DeletionPolicy).toBe('Delete');
    }
  });
});
