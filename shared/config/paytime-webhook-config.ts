import * as z from 'zod/mini';
import { ConfigurationError, type Env, nonEmpty, parseEnv } from './process-env';
import { readRotatingSecret } from './secret-values';

export interface PaytimeWebhookConfig {
  tenantId: string;
  tableName: string;
  /** Bodies above this are refused with 413 (a billet event is a few KB). */
  maxBodyBytes: number;
}

export interface BasicCredential {
  user: string;
  password: string;
}

const schema = z.object({
  IRIS_TENANT_ID: nonEmpty(),
  TABLE_NAME: nonEmpty(),
  PAYTIME_WEBHOOK_MAX_BODY_BYTES: z.optional(z.string().check(z.regex(/^\d{3,7}$/))),
});

/** `functions/paytime-webhook`: parsed once at cold start. */
export function loadPaytimeWebhookConfig(env: Env): PaytimeWebhookConfig {
  const parsed = parseEnv(schema, env, 'Paytime webhook configuration');
  return {
    tenantId: parsed.IRIS_TENANT_ID,
    tableName: parsed.TABLE_NAME,
    maxBodyBytes: parsed.PAYTIME_WEBHOOK_MAX_BODY_BYTES
      ? Number(parsed.PAYTIME_WEBHOOK_MAX_BODY_BYTES)
      : 64 * 1024,
  };
}

export function credentialOf(value: string, slot: string): BasicCredential {
  const at = value.indexOf(':');
  if (at <= 0 || at === value.length - 1) throw new ConfigurationError(`${slot} must be "user:password"`);
  return { user: value.slice(0, at), password: value.slice(at + 1) };
}

/**
 * The accepted Basic credentials, `user:password` each: `PAYTIME_WEBHOOK_CREDENTIALS` and, while rotating,
 * `PAYTIME_WEBHOOK_CREDENTIALS_PREVIOUS` (values locally; `…_PARAMETER` SSM names in the cloud, as the stack
 * passes them, read through Powertools' 5-minute cache so a rotation reaches warm functions). Outside a rotation
 * both slots hold the same value. A missing current credential fails the request (500) rather than leaving an
 * unauthenticated endpoint open.
 */
export async function loadPaytimeWebhookCredentials(env: Env): Promise<BasicCredential[]> {
  const [current, ...previous] = await readRotatingSecret(
    'PAYTIME_WEBHOOK_CREDENTIALS',
    env as NodeJS.ProcessEnv,
  );
  return [
    credentialOf(current ?? '', 'PAYTIME_WEBHOOK_CREDENTIALS'),
    ...previous.map((value) => credentialOf(value, 'PAYTIME_WEBHOOK_CREDENTIALS_PREVIOUS')),
  ];
}
