import type { Env } from './process-env';

export { type Env, processEnv } from './process-env';

import * as z from 'zod/mini';
import type { ReminderSettingsInput } from '#domain/reminder-cadence';
import { readSecret } from './secret-values';

/**
 * What the follow-up functions (reminder step, Paytime webhook and event processor, reconciliation) read from
 * their environment, parsed once at cold start. Variable names are the stack's (`infra/config/function-environment.ts`);
 * the local cloud sets the same ones plus endpoints. Nothing else in these functions touches `process.env`.
 */

/** The billing provider's name on payments and events. */
export const PAYTIME_PROVIDER_NAME = 'paytime';

export class FollowUpConfigError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FollowUpConfigError';
  }
}

export function parseEnv<T>(schema: z.ZodMiniType<T>, env: Env, what: string): T {
  const result = schema.safeParse(env);
  if (!result.success) throw new FollowUpConfigError(`${what}: ${z.prettifyError(result.error)}`);
  return result.data;
}

const required = z.string().check(z.minLength(1));
const httpUrl = z.string().check(z.regex(/^https?:\/\/\S+$/));

export interface FollowUpBaseConfig {
  tenantId: string;
  tableName: string;
  /** The local cloud's endpoints; absent in AWS. */
  dynamoDbEndpoint?: string;
  stepFunctionsEndpoint?: string;
  /** The tenant's reminder settings from its config file (the profile in the table may override them). */
  reminderDefaults: ReminderSettingsInput;
}

const baseSchema = z.object({
  IRIS_TENANT_ID: required,
  TABLE_NAME: required,
  IRIS_TENANT_SETTINGS: z.optional(z.string()),
  DYNAMODB_ENDPOINT: z.optional(httpUrl),
  STEP_FUNCTIONS_ENDPOINT: z.optional(httpUrl),
});

/** The part of `IRIS_TENANT_SETTINGS` (`TenantSettingsEnvironment`) these functions use. */
const tenantSettingsSchema = z.object({
  reminders: z.optional(
    z.object({
      window: z.optional(
        z.object({ startHour: z.number(), endHour: z.number(), weekdays: z.array(z.number()) }),
      ),
      cadenceDaysFromDue: z.optional(z.array(z.number())),
    }),
  ),
});

export function baseConfigOf(env: Env, what: string): FollowUpBaseConfig {
  const parsed = parseEnv(baseSchema, env, what);
  let reminderDefaults: ReminderSettingsInput = {};
  if (parsed.IRIS_TENANT_SETTINGS) {
    let json: unknown;
    try {
      json = JSON.parse(parsed.IRIS_TENANT_SETTINGS);
    } catch (error) {
      throw new FollowUpConfigError(`${what}: IRIS_TENANT_SETTINGS is not JSON`, { cause: error });
    }
    const settings = tenantSettingsSchema.safeParse(json);
    if (!settings.success) {
      throw new FollowUpConfigError(`${what}: IRIS_TENANT_SETTINGS: ${z.prettifyError(settings.error)}`);
    }
    const reminders = settings.data.reminders;
    reminderDefaults = {
      ...(reminders?.window ? { window: reminders.window } : {}),
      ...(reminders?.cadenceDaysFromDue ? { offsetsDays: reminders.cadenceDaysFromDue } : {}),
    };
  }
  return {
    tenantId: parsed.IRIS_TENANT_ID,
    tableName: parsed.TABLE_NAME,
    ...(parsed.DYNAMODB_ENDPOINT ? { dynamoDbEndpoint: parsed.DYNAMODB_ENDPOINT } : {}),
    ...(parsed.STEP_FUNCTIONS_ENDPOINT ? { stepFunctionsEndpoint: parsed.STEP_FUNCTIONS_ENDPOINT } : {}),
    reminderDefaults,
  };
}

export interface PaytimeApiConfig {
  baseUrl: string;
  integrationKey: string;
  authenticationKey: string;
  xToken: string;
}

const paytimeCredentialsSchema = z.object({
  integrationKey: required,
  authenticationKey: required,
  xToken: required,
});

/**
 * Paytime's API: `PAYTIME_BASE_URL` and the credentials, JSON `{ integrationKey, authenticationKey, xToken }`
 * in the secret `PAYTIME_API_CREDENTIALS` (SSM in the cloud). Undefined when no base URL is configured.
 */
export async function paytimeApiConfigOf(env: Env): Promise<PaytimeApiConfig | undefined> {
  const baseUrl = parseEnv(
    z.object({ PAYTIME_BASE_URL: z.optional(httpUrl) }),
    env,
    'Paytime API',
  ).PAYTIME_BASE_URL;
  if (!baseUrl) return undefined;
  const secret = await readSecret('PAYTIME_API_CREDENTIALS', env as NodeJS.ProcessEnv);
  let json: unknown;
  try {
    json = JSON.parse(secret);
  } catch (error) {
    throw new FollowUpConfigError('PAYTIME_API_CREDENTIALS is not JSON', { cause: error });
  }
  const credentials = paytimeCredentialsSchema.safeParse(json);
  if (!credentials.success) {
    throw new FollowUpConfigError(`PAYTIME_API_CREDENTIALS: ${z.prettifyError(credentials.error)}`);
  }
  return { baseUrl, ...credentials.data };
}
