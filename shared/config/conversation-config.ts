import { z } from 'zod';
import type { ConversationSettings } from '../application/conversation/conversation-dependencies';
import { paytimeApiConfigOf } from './follow-up-env';
import { readOptionalSecret, readSecret } from './secret-values';

const environment = z.object({
  TABLE_NAME: z.string().min(1),
  CONVERSATION_STATE_MACHINE_ARN: z.string().min(1),
  REMINDER_STATE_MACHINE_ARN: z.string().min(1),
  PAYTIME_BASE_URL: z.url(),
  WHATSAPP_API_BASE_URL: z.url().default('https://graph.facebook.com'),
  WHATSAPP_PHONE_NUMBER_ID: z.string().min(1),
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_MODEL: z.string().default('gpt-4o-mini'),
  /** The tenant's conversation rules, from the tenant's config file (see docs/decisions.md). */
  USUAL_MAX_AMOUNT_CENTS: z.coerce.number().int().positive().default(500_000),
  CONFIRMATION_TIMEOUT_SECONDS: z.coerce.number().int().positive().default(86_400),
  PAYMENT_WINDOW_DAYS: z.coerce.number().int().min(0).max(120).default(30),
  BOLETO_TEMPLATE_NAME: z.string().min(1).default('iris_boleto_novo'),
  /**
   * The tenant's own e-mail, sent to Paytime for payers without one ("não tem e-mail"); unset, Paytime is asked
   * without an e-mail and, if it requires one, the owner is asked for an address (docs/decisions.md).
   */
  PAYTIME_DEFAULT_PAYER_EMAIL: z.email().optional(),
});

export type ConversationConfig = z.infer<typeof environment>;

export function conversationConfig(env: NodeJS.ProcessEnv = process.env): ConversationConfig {
  return environment.parse(env);
}

export function conversationSettings(config: ConversationConfig): ConversationSettings {
  return {
    usualMaxAmountCents: config.USUAL_MAX_AMOUNT_CENTS,
    confirmationTimeoutSeconds: config.CONFIRMATION_TIMEOUT_SECONDS,
    paymentWindowDays: config.PAYMENT_WINDOW_DAYS,
    boletoTemplateName: config.BOLETO_TEMPLATE_NAME,
  };
}

export interface ConversationSecrets {
  paytime: { integrationKey: string; authenticationKey: string; xToken: string };
  whatsAppAccessToken: string;
  openAiApiKey?: string;
}

export async function conversationSecrets(
  env: NodeJS.ProcessEnv = process.env,
): Promise<ConversationSecrets> {
  // The three Paytime keys live in one JSON secret (PAYTIME_API_CREDENTIALS), so they always change together.
  const [paytime, whatsAppAccessToken, openAiApiKey] = await Promise.all([
    paytimeApiConfigOf(env),
    readSecret('WHATSAPP_ACCESS_TOKEN', env),
    readOptionalSecret('OPENAI_API_KEY', env),
  ]);
  if (!paytime) throw new Error('PAYTIME_BASE_URL is not configured');
  const { integrationKey, authenticationKey, xToken } = paytime;
  return { paytime: { integrationKey, authenticationKey, xToken }, whatsAppAccessToken, openAiApiKey };
}
