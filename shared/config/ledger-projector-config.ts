import * as z from 'zod/mini';
import { type Env, nonEmpty, parseEnv } from './process-env';

export interface LedgerProjectorConfig {
  tableName: string;
}

/** `functions/ledger-projector`: only the table (month figures, late-payment lines, budget alerts' outbox items). */
export function loadLedgerProjectorConfig(env: Env): LedgerProjectorConfig {
  const parsed = parseEnv(z.object({ TABLE_NAME: nonEmpty() }), env, 'ledger projector configuration');
  return { tableName: parsed.TABLE_NAME };
}
