import * as z from 'zod/mini';
import { readRotatingSecret, readSecret } from './secret-values';

// zod/mini: this config is read by the webhook function, whose cold start should not pay for full zod.
const environment = z.object({
  TABLE_NAME: z.string().check(z.minLength(1)),
  /** Bodies above this are refused with 413 (Meta's webhook payloads are a few KB). */
  WEBHOOK_MAX_BODY_BYTES: z._default(z.coerce.number().check(z.int(), z.positive()), 256 * 1024),
});

export type WhatsAppWebhookConfig = z.infer<typeof environment>;

/** Parsed once at cold start; a missing variable fails the function's start with a clear message. */
export function whatsAppWebhookConfig(env: NodeJS.ProcessEnv = process.env): WhatsAppWebhookConfig {
  return environment.parse(env);
}

export interface WhatsAppWebhookSecrets {
  appSecrets: string[];
  verifyToken: string;
}

export async function whatsAppWebhookSecrets(
  env: NodeJS.ProcessEnv = process.env,
): Promise<WhatsAppWebhookSecrets> {
  const [appSecrets, verifyToken] = await Promise.all([
    readRotatingSecret('WHATSAPP_APP_SECRET', env),
    readSecret('WHATSAPP_VERIFY_TOKEN', env),
  ]);
  return { appSecrets, verifyToken };
}
