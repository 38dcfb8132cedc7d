import * as z from 'zod/mini';
import type { ConversationSettings } from '#application/conversation/conversation-dependencies';
import { paytimeApiConfigOf } from './follow-up-env';
import { readOptionalSecret, readSecret } from './secret-values';

const nonEmpty = () => z.string().check(z.minLength(1));
/** A whole number from the environment (text), with a default when the variable is absent. */
const wholeNumber = (min: number, max: number, fallback: number) =>
  z._default(z.coerce.number().check(z.int(), z.minimum(min), z.maximum(max)), fallback);

const environment = z.object({
  TABLE_NAME: nonEmpty(),
  CONVERSATION_STATE_MACHINE_ARN: nonEmpty(),
  REMINDER_STATE_MACHINE_ARN: nonEmpty(),
  PAYTIME_BASE_URL: z.url(),
  WHATSAPP_API_BASE_URL: z._default(z.url(), 'https://graph.facebook.com'),
  WHATSAPP_PHONE_NUMBER_ID: nonEmpty(),
  OPENAI_BASE_URL: z.optional(z.url()),
  OPENAI_MODEL: z._default(z.string(), 'gpt-4o-mini'),
  /** The tenant's conversation rules, from the tenant's config file (see docs/decisions.md). */
  USUAL_MAX_AMOUNT_CENTS: wholeNumber(1, Number.MAX_SAFE_INTEGER, 500_000),
  CONFIRMATION_TIMEOUT_SECONDS: wholeNumber(1, Number.MAX_SAFE_INTEGER, 86_400),
  PAYMENT_WINDOW_DAYS: wholeNumber(0, 120, 30),
  BOLETO_TEMPLATE_NAME: z._default(nonEmpty(), 'iris_boleto_v2'),
  /**
   * The tenant's own e-mail, sent to Paytime for payers without one ("não tem e-mail"); unset, Paytime is asked
   * without an e-mail and, if it requires one, the owner is asked for an address (docs/decisions.md).
   */
  PAYTIME_DEFAULT_PAYER_EMAIL: z.optional(z.email()),
  /**
   * The folder holding Tesseract's `por.traineddata` for receipt photos (Debian's `tesseract-ocr-por` puts it
   * here; a Lambda bundle ships it beside the handler). Read from disk, never downloaded.
   */
  OCR_LANG_PATH: z._default(nonEmpty(), '/usr/share/tesseract-ocr/5/tessdata'),
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
