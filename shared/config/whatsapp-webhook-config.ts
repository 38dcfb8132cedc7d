import * as z from 'zod/mini';
import { type Env, nonEmpty, parseEnv } from './process-env';
import { readRotatingSecret, readSecret } from './secret-values';

const environment = z.object({
  TABLE_NAME: nonEmpty(),
  /** Bodies above this are refused with 413 (Meta's webhook payloads are a few KB). */
  WEBHOOK_MAX_BODY_BYTES: z._default(z.coerce.number().check(z.int(), z.positive()), 256 * 1024),
});

export interface WhatsAppWebhookConfig {
  tableName: string;
  maxBodyBytes: number;
}

/** `functions/whatsapp-webhook`: parsed once at cold start; its secrets are read (and cached) on demand. */
export function loadWhatsAppWebhookConfig(env: Env): WhatsAppWebhookConfig {
  const parsed = parseEnv(environment, env, 'WhatsApp webhook configuration');
  return { tableName: parsed.TABLE_NAME, maxBodyBytes: parsed.WEBHOOK_MAX_BODY_BYTES };
}

export interface WhatsAppWebhookSecrets {
  appSecrets: string[];
  verifyToken: string;
}

export async function loadWhatsAppWebhookSecrets(env: Env): Promise<WhatsAppWebhookSecrets> {
  const [appSecrets, verifyToken] = await Promise.all([
    readRotatingSecret('WHATSAPP_APP_SECRET', env as NodeJS.ProcessEnv),
    readSecret('WHATSAPP_VERIFY_TOKEN', env as NodeJS.ProcessEnv),
  ]);
  return { appSecrets, verifyToken };
}
