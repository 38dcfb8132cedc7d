import type OpenAI from 'openai';
import {
  type Extraction,
  extractionJsonSchema,
  extractionSchema,
} from '#application/ports/interpretation.schema';
import type { Interpretation, InterpretRequest, LanguageModel } from '#application/ports/language-model';
import { type CalendarDate, isCalendarDate } from '#domain/calendar-date';
import { budgetWordOf } from '#language/budget-intents';
import { categoryRuleEntities } from '#language/category-intents';
import { entitiesForIntent } from '#language/entities-for-intent';
import { ledgerQueryOf } from '#language/ledger-query';
import { memberRequestDetails } from '#language/member-intents';
import { isBareAnswer, parseMessage } from '#language/parser';
import { subscriptionEntities } from '#language/subscription-intents';
import { groundingProblem } from './grounding';
import { SYSTEM_PROMPT, userTurn } from './interpretation-prompt';
import { failureOf, structuredAnswerOf, UnusableAnswerError } from './openai-answer';
import { lazyOpenAiClient, loadOpenAiSdk } from './openai-sdk';

/**
 * LanguageModel backed by OpenAI Chat Completions with a strict JSON-schema response format built from the
 * same zod schema the answer is then validated with. The model only proposes: on a timeout, an HTTP or network
 * error, a refusal, an answer that is not JSON, fails the schema or names a value the message does not contain,
 * the adapter logs a warning and returns the deterministic parser's interpretation instead.
 */

/** The part of a logger this adapter needs; Powertools' Logger satisfies it. */
export interface LanguageModelLogger {
  info(message: string, ...extra: Record<string, unknown>[]): void;
  warn(message: string, ...extra: Record<string, unknown>[]): void;
  error(message: string, ...extra: Record<string, unknown>[]): void;
}

export interface OpenAiLanguageModelOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  /** Per attempt. */
  timeoutMs: number;
  /** Retries after a failed attempt (timeouts, 429, 5xx); default 1. */
  maxRetries?: number;
  /** Used whenever the model's answer cannot be used. */
  fallback: LanguageModel;
  logger?: LanguageModelLogger;
  /** Injected in tests; built from the options above otherwise. */
  client?: OpenAI;
}

export type FallbackReason =
  | 'timeout'
  | 'connection_error'
  | 'http_error'
  | 'empty_response'
  | 'refusal'
  | 'incomplete'
  | 'invalid_json'
  | 'schema_mismatch'
  | 'invalid_date'
  | 'ungrounded_amount'
  | 'ungrounded_contact'
  | 'ungrounded_date'
  | 'unexpected_error';

class InterpretationAnswerError extends UnusableAnswerError<FallbackReason> {}

/** OpenAI's strict structured output, from the same schema the answer is validated with (zod/mini: no locales). */
const RESPONSE_FORMAT = {
  type: 'json_schema' as const,
  json_schema: { name: 'interpretation', strict: true, schema: extractionJsonSchema() },
};

/** WhatsApp allows 4,096 characters; a request to IRIS is a sentence or two. */
export const MAX_MODEL_INPUT_CHARS = 1_000;

const stderrLogger: LanguageModelLogger = {
  info: (message, ...extra) => writeLog('INFO', message, extra),
  warn: (message, ...extra) => writeLog('WARN', message, extra),
  error: (message, ...extra) => writeLog('ERROR', message, extra),
};

function writeLog(level: string, message: string, extra: object[]): void {
  process.stderr.write(`${JSON.stringify(Object.assign({ level, message }, ...extra))}\n`);
}

function interpretationOf(extraction: Extraction, input: InterpretRequest): Interpretation {
  if (extraction.date !== null && !isCalendarDate(extraction.date)) {
    throw new InterpretationAnswerError('invalid_date', 'the answer has an impossible date');
  }
  const problem = groundingProblem(extraction, input.text);
  if (problem)
    throw new InterpretationAnswerError(problem, 'the answer has a value the message does not contain');
  const bareAnswer = extraction.intent === 'unknown' && isBareAnswer(input.text);
  // A ledger correction's kind (delete, amount, category) and a plan's day and end are read by the rules from
  // the same text.
  const rules =
    extraction.intent === 'correct_ledger' || extraction.intent === 'create_recurring'
      ? parseMessage(input.text, input.today)
      : undefined;
  const details = {
    ...(extraction.intent === 'correct_ledger' && rules?.correction ? { correction: rules.correction } : {}),
    ...(extraction.intent === 'create_recurring' && rules?.recurrence
      ? { recurrence: rules.recurrence }
      : {}),
    ...(extraction.intent === 'add_member' || extraction.intent === 'remove_member'
      ? { member: memberRequestDetails(input.text) }
      : {}),
    ...(extraction.intent === 'set_category_rule' ? categoryRuleEntities(input.text) : {}),
    ...(extraction.intent === 'stop_tracking_expense' ? subscriptionEntities(input.text) : {}),
    // Which limit, and a question's plan, are read by the rules from the same text (the model gives no plan;
    // the payer it names, only a name, is resolved against the contacts like any other).
    ...(extraction.intent === 'set_budget' || extraction.intent === 'remove_budget'
      ? { budgetTarget: { word: budgetWordOf(input.text) } }
      : {}),
    ...(extraction.intent === 'ledger_summary' || extraction.intent === 'ledger_question'
      ? { ledgerQuery: ledgerQueryOf(input.text, input.today, extraction.contact) }
      : {}),
  };
  const interpretation = entitiesForIntent(
    extraction.intent,
    {
      intent: extraction.intent,
      amountCents: extraction.amountCents,
      contact: extraction.contact?.trim() || null,
      date: extraction.date as CalendarDate | null,
      description: extraction.description?.trim() || null,
      source: 'openai' as const,
    },
    bareAnswer,
  );
  return { ...interpretation, ...details };
}

export class OpenAiLanguageModel implements LanguageModel {
  private readonly openAi: () => Promise<OpenAI>;
  private readonly model: string;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly fallback: LanguageModel;
  private readonly logger: LanguageModelLogger;

  constructor(options: OpenAiLanguageModelOptions) {
    this.model = options.model;
    this.timeoutMs = options.timeoutMs;
    this.maxRetries = options.maxRetries ?? 1;
    this.fallback = options.fallback;
    this.logger = options.logger ?? stderrLogger;
    // The SDK's client, built on the first question (the SDK loads then, not at init).
    this.openAi = lazyOpenAiClient({ ...options, maxRetries: this.maxRetries });
  }

  async interpret(input: InterpretRequest): Promise<Interpretation> {
    if (input.text.length > MAX_MODEL_INPUT_CHARS) {
      // No owner command is this long; sending it would only buy tokens (and a larger injection surface).
      this.logger.info('Message too long for the model; using the deterministic parser', {
        fallback: 'deterministic',
        length: input.text.length,
      });
      return this.fallback.interpret(input);
    }
    try {
      return await this.ask(input);
    } catch (error) {
      const failure = failureOf(error, await loadOpenAiSdk().catch(() => undefined));
      // The owner's text is personal data: log why, never what.
      this.logger.warn('OpenAI interpretation unusable; falling back to the deterministic parser', {
        fallback: 'deterministic',
        model: this.model,
        ...failure,
      });
      return this.fallback.interpret(input);
    }
  }

  private async ask(input: InterpretRequest): Promise<Interpretation> {
    const client = await this.openAi();
    const completion = await client.chat.completions.create(
      {
        model: this.model,
        temperature: 0,
        messages: [
          { role: 'system', content: SYSTEM_PROMPT },
          { role: 'user', content: userTurn(input.text, input.today) },
        ],
        response_format: RESPONSE_FORMAT,
      },
      { timeout: this.timeoutMs, maxRetries: this.maxRetries },
    );
    return interpretationOf(structuredAnswerOf(completion, extractionSchema), input);
  }
}
