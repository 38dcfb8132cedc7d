import * as z from 'zod/mini';
import { FollowUpConfigError } from './follow-up-env';
import type { Env } from './process-env';

export interface StatementProjectorConfig {
  tableName: string;
  /** The local cloud's endpoint; absent in AWS. */
  dynamoDbEndpoint?: string;
}

const schema = z.object({
  TABLE_NAME: z.string().check(z.minLength(1)),
  DYNAMODB_ENDPOINT: z.optional(z.string().check(z.regex(/^https?:\/\/\S+$/))),
});

/** `functions/statement-projector`: only the table (it writes the statement lines, nothing else). */
export function loadStatementProjectorConfig(env: Env): StatementProjectorConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new FollowUpConfigError(`statement projector configuration: ${z.prettifyError(parsed.error)}`);
  }
  return {
    tableName: parsed.data.TABLE_NAME,
    ...(parsed.data.DYNAMODB_ENDPOINT ? { dynamoDbEndpoint: parsed.data.DYNAMODB_ENDPOINT } : {}),
  };
}
