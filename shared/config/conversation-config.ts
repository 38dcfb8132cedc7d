import * as z from 'zod/mini';
import type { ConversationSettings } from '#application/conversation/conversation-dependencies';
import { type PaytimeApiConfig, paytimeApiConfigOf } from './follow-up-env';
import { ConfigurationError, type Env, nonEmpty, parseEnv } from './process-env';
import { loadSchedulesConfig, type SchedulesConfig } from './schedules-config';
import { readOptionalSecret, readSecret } from './secret-values';

/** A whole number from the environment (text), with a default when the variable is absent. */
const wholeNumber = (min: number, max: number, fallback: number) =>
  z._default(z.coerce.number().check(z.int(), z.minimum(min), z.maximum(max)), fallback);

const environment = z.object({
  TABLE_NAME: nonEmpty(),
  CONVERSATION_STATE_MACHINE_ARN: nonEmpty(),
  REMINDER_STATE_MACHINE_ARN: nonEmpty(),
  /** The aging import workflow an owner's spreadsheet starts (absent: spreadsheets are answered "not yet"). */
  AGING_IMPORT_STATE_MACHINE_ARN: z.optional(nonEmpty()),
  WHATSAPP_API_BASE_URL: z._default(z.url(), 'https://graph.facebook.com'),
  WHATSAPP_PHONE_NUMBER_ID: nonEmpty(),
  OPENAI_BASE_URL: z.optional(z.url()),
  OPENAI_MODEL: z._default(z.string(), 'gpt-4o-mini'),
  /**
   * Voice notes are transcribed apart from the text model (docs/decisions.md, "Voice offline"): an
   * OpenAI-compatible audio API at TRANSCRIPTION_BASE_URL (default: OPENAI_BASE_URL, i.e. OpenAI) with
   * TRANSCRIPTION_API_KEY (default: OPENAI_API_KEY). The local cloud points it at its OpenAI simulator.
   */
  TRANSCRIPTION_BASE_URL: z.optional(z.url()),
  TRANSCRIPTION_MODEL: z._default(z.string().check(z.minLength(1)), 'gpt-4o-mini-transcribe'),
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

export interface ConversationConfig {
  tableName: string;
  conversationStateMachineArn: string;
  reminderStateMachineArn: string;
  agingImportStateMachineArn?: string;
  paytime: PaytimeApiConfig;
  paytimeDefaultPayerEmail?: string;
  whatsApp: { apiBaseUrl: string; phoneNumberId: string; accessToken: string };
  /** Absent without an OpenAI key: the deterministic pt-BR parser alone, and no transcription. */
  openAi?: { apiKey: string; baseUrl?: string; model: string };
  /** Absent without a transcription key (TRANSCRIPTION_API_KEY, else OPENAI_API_KEY): voice notes unsupported. */
  transcription?: { apiKey: string; baseUrl?: string; model: string };
  settings: ConversationSettings;
  /** Where Tesseract's Portuguese data lives (Debian's tesseract-ocr-por), for receipt photos. */
  ocrLangPath: string;
  /** Where the stack grants run-time schedules (recurring plans): the group and the role they run as. */
  schedules?: SchedulesConfig;
}

/** `functions/conversation-steps`: parsed once at cold start, with its secrets (Paytime, WhatsApp, OpenAI). */
export async function loadConversationConfig(env: Env): Promise<ConversationConfig> {
  const parsed = parseEnv(environment, env, 'conversation configuration');
  // The three Paytime keys live in one JSON secret (PAYTIME_API_CREDENTIALS), so they always change together.
  const [paytime, whatsAppAccessToken, openAiApiKey, ownTranscriptionKey] = await Promise.all([
    paytimeApiConfigOf(env),
    readSecret('WHATSAPP_ACCESS_TOKEN', env as NodeJS.ProcessEnv),
    readOptionalSecret('OPENAI_API_KEY', env as NodeJS.ProcessEnv),
    readOptionalSecret('TRANSCRIPTION_API_KEY', env as NodeJS.ProcessEnv),
  ]);
  const transcriptionApiKey = ownTranscriptionKey ?? openAiApiKey;
  const transcriptionBaseUrl = parsed.TRANSCRIPTION_BASE_URL ?? parsed.OPENAI_BASE_URL;
  if (!paytime) throw new ConfigurationError('conversation configuration: PAYTIME_BASE_URL is required');
  return {
    tableName: parsed.TABLE_NAME,
    conversationStateMachineArn: parsed.CONVERSATION_STATE_MACHINE_ARN,
    reminderStateMachineArn: parsed.REMINDER_STATE_MACHINE_ARN,
    ...(parsed.AGING_IMPORT_STATE_MACHINE_ARN
      ? { agingImportStateMachineArn: parsed.AGING_IMPORT_STATE_MACHINE_ARN }
      : {}),
    paytime,
    ...(parsed.PAYTIME_DEFAULT_PAYER_EMAIL
      ? { paytimeDefaultPayerEmail: parsed.PAYTIME_DEFAULT_PAYER_EMAIL }
      : {}),
    whatsApp: {
      apiBaseUrl: parsed.WHATSAPP_API_BASE_URL,
      phoneNumberId: parsed.WHATSAPP_PHONE_NUMBER_ID,
      accessToken: whatsAppAccessToken,
    },
    ...(openAiApiKey
      ? {
          openAi: {
            apiKey: openAiApiKey,
            ...(parsed.OPENAI_BASE_URL ? { baseUrl: parsed.OPENAI_BASE_URL } : {}),
            model: parsed.OPENAI_MODEL,
          },
        }
      : {}),
    ...(transcriptionApiKey
      ? {
          transcription: {
            apiKey: transcriptionApiKey,
            ...(transcriptionBaseUrl ? { baseUrl: transcriptionBaseUrl } : {}),
            model: parsed.TRANSCRIPTION_MODEL,
          },
        }
      : {}),
    ...(env.SCHEDULE_GROUP_NAME ? { schedules: loadSchedulesConfig(env) } : {}),
    ocrLangPath: parsed.OCR_LANG_PATH,
    settings: {
      usualMaxAmountCents: parsed.USUAL_MAX_AMOUNT_CENTS,
      confirmationTimeoutSeconds: parsed.CONFIRMATION_TIMEOUT_SECONDS,
      paymentWindowDays: parsed.PAYMENT_WINDOW_DAYS,
      boletoTemplateName: parsed.BOLETO_TEMPLATE_NAME,
    },
  };
}
