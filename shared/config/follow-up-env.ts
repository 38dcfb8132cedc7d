import * as z from 'zod/mini';
import type { ReminderSettingsInput } from '#domain/reminder-cadence';
import { type Env, httpUrl, nonEmpty, parseEnv, parseJsonEnv } from './process-env';
import { readSecret } from './secret-values';

/**
 * The parts of a function's environment several loaders share: the tenant and its table, the tenant's reminder
 * settings, Paytime's API. Variable names are the stack's (`infra/config/function-environment.ts`); the local
 * cloud sets the same ones, and points the SDK clients at its services with `AWS_ENDPOINT_URL_<SERVICE>`.
 */

/** The billing provider's name on payments and events. */
export const PAYTIME_PROVIDER_NAME = 'paytime';

export interface FollowUpBaseConfig {
  tenantId: string;
  tableName: string;
  /** The tenant's reminder settings from its config file (the profile in the table may override them). */
  reminderDefaults: ReminderSettingsInput;
}

const baseSchema = z.object({
  IRIS_TENANT_ID: nonEmpty(),
  TABLE_NAME: nonEmpty(),
  IRIS_TENANT_SETTINGS: z.optional(z.string()),
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
  const reminders = parsed.IRIS_TENANT_SETTINGS
    ? parseJsonEnv(tenantSettingsSchema, parsed.IRIS_TENANT_SETTINGS, `${what}: IRIS_TENANT_SETTINGS`)
        .reminders
    : undefined;
  return {
    tenantId: parsed.IRIS_TENANT_ID,
    tableName: parsed.TABLE_NAME,
    reminderDefaults: {
      ...(reminders?.window ? { window: reminders.window } : {}),
      ...(reminders?.cadenceDaysFromDue ? { offsetsDays: reminders.cadenceDaysFromDue } : {}),
    },
  };
}

export interface PaytimeApiConfig {
  baseUrl: string;
  integrationKey: string;
  authenticationKey: string;
  xToken: string;
  /** First retry pause before jitter (the adapter's default 200 ms; the local cloud shortens it). */
  retryBaseDelayMs?: number;
}

const paytimeCredentialsSchema = z.object({
  integrationKey: nonEmpty(),
  authenticationKey: nonEmpty(),
  xToken: nonEmpty(),
});

/**
 * Paytime's API: `PAYTIME_BASE_URL` and the credentials, JSON `{ integrationKey, authenticationKey, xToken }`
 * in the secret `PAYTIME_API_CREDENTIALS` (SSM in the cloud). Undefined when no base URL is configured.
 * `PAYTIME_RETRY_BASE_DELAY_MS` (optional) shortens the retry pauses: the local cloud's virtual days must not
 * spend real seconds in backoff; the number of retries stays the same.
 */
export async function paytimeApiConfigOf(env: Env): Promise<PaytimeApiConfig | undefined> {
  const parsed = parseEnv(
    z.object({
      PAYTIME_BASE_URL: z.optional(httpUrl()),
      PAYTIME_RETRY_BASE_DELAY_MS: z.optional(z.string().check(z.regex(/^\d{1,4}$/))),
    }),
    env,
    'Paytime API',
  );
  const baseUrl = parsed.PAYTIME_BASE_URL;
  if (!baseUrl) return undefined;
  const secret = await readSecret('PAYTIME_API_CREDENTIALS', env as NodeJS.ProcessEnv);
  return {
    baseUrl,
    ...parseJsonEnv(paytimeCredentialsSchema, secret, 'PAYTIME_API_CREDENTIALS'),
    ...(parsed.PAYTIME_RETRY_BASE_DELAY_MS && {
      retryBaseDelayMs: Number(parsed.PAYTIME_RETRY_BASE_DELAY_MS),
    }),
  };
}
