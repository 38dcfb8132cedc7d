import * as z from 'zod/mini';
import { type Env, nonEmpty, parseEnv } from './process-env';

export interface StatementProjectorConfig {
  tableName: string;
}

/** `functions/statement-projector`: only the table (it writes the statement lines, nothing else). */
export function loadStatementProjectorConfig(env: Env): StatementProjectorConfig {
  const parsed = parseEnv(z.object({ TABLE_NAME: nonEmpty() }), env, 'statement projector configuration');
  return { tableName: parsed.TABLE_NAME };
}
