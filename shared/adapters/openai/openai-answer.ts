import type { ChatCompletion } from 'openai/resources/chat/completions';
import type * as z from 'zod/mini';
import type { OpenAiSdk } from './openai-sdk';

/** An answer that arrived but cannot be used (not JSON, wrong shape, a value the input does not contain). */
export class UnusableAnswerError<Reason extends string = string> extends Error {
  constructor(
    readonly reason: Reason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'UnusableAnswerError';
  }
}

/** Why a call to OpenAI gave nothing usable, for the log line (never the input, which is personal data). */
export function failureOf(
  error: unknown,
  sdk: OpenAiSdk | undefined,
): { reason: string; status?: number; detail: string } {
  if (error instanceof UnusableAnswerError) return { reason: error.reason, detail: error.message };
  if (sdk && error instanceof sdk.APIConnectionTimeoutError)
    return { reason: 'timeout', detail: error.message };
  if (sdk && error instanceof sdk.APIConnectionError)
    return { reason: 'connection_error', detail: error.message };
  if (sdk && error instanceof sdk.APIError) {
    return { reason: 'http_error', ...(error.status ? { status: error.status } : {}), detail: error.message };
  }
  return { reason: 'unexpected_error', detail: error instanceof Error ? error.message : String(error) };
}

/** The text of a complete answer; an empty, refused or cut-off answer is unusable. */
export function answerContentOf(completion: ChatCompletion): string {
  const choice = completion.choices[0];
  if (!choice) throw new UnusableAnswerError('empty_response', 'the answer has no choices');
  if (choice.message.refusal) throw new UnusableAnswerError('refusal', 'the model refused');
  if (choice.finish_reason !== 'stop') {
    throw new UnusableAnswerError('incomplete', `the answer stopped early: ${choice.finish_reason}`);
  }
  const content = choice.message.content;
  if (!content) throw new UnusableAnswerError('empty_response', 'the answer has no content');
  return content;
}

/** A complete answer's JSON, validated with the schema its structured output was built from. */
export function structuredAnswerOf<Schema extends z.ZodMiniType>(
  completion: ChatCompletion,
  schema: Schema,
): z.infer<Schema> {
  let json: unknown;
  const content = answerContentOf(completion);
  try {
    json = JSON.parse(content);
  } catch (error) {
    throw new UnusableAnswerError('invalid_json', 'the answer is not JSON', { cause: error });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
    throw new UnusableAnswerError('schema_mismatch', `the answer does not fit the schema: ${fields}`);
  }
  return parsed.data;
}
