import * as z from 'zod/mini';

/**
 * Which language model understands owner messages. With `OPENAI_API_KEY` set the OpenAI adapter is used (and
 * falls back to the deterministic parser on any failure); without it the deterministic pt-BR parser runs alone,
 * offline. Read once at start; nothing else in the language path touches `process.env`.
 */

const environment = z.object({
  OPENAI_API_KEY: z.pipe(
    z.optional(z.string()),
    z.transform((value: string | undefined) => (value?.trim() ? value.trim() : undefined)),
  ),
  OPENAI_BASE_URL: z.optional(z.url()),
  OPENAI_MODEL: z._default(z.string().check(z.minLength(1)), 'gpt-4o-mini'),
  OPENAI_TIMEOUT_MS: z._default(z.coerce.number().check(z.int(), z.positive(), z.lte(120_000)), 6_000),
  OPENAI_MAX_RETRIES: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(5)), 1),
});

export interface OpenAiLanguageSettings {
  apiKey: string;
  baseURL?: string;
  model: string;
  timeoutMs: number;
  maxRetries: number;
}

export interface LanguageConfig {
  /** Null when no API key is configured: the deterministic parser is the only path. */
  openai: OpenAiLanguageSettings | null;
}

export function languageConfig(env: NodeJS.ProcessEnv = process.env): LanguageConfig {
  const parsed = environment.parse(env);
  if (!parsed.OPENAI_API_KEY) return { openai: null };
  return {
    openai: {
      apiKey: parsed.OPENAI_API_KEY,
      ...(parsed.OPENAI_BASE_URL ? { baseURL: parsed.OPENAI_BASE_URL } : {}),
      model: parsed.OPENAI_MODEL,
      timeoutMs: parsed.OPENAI_TIMEOUT_MS,
      maxRetries: parsed.OPENAI_MAX_RETRIES,
    },
  };
}
