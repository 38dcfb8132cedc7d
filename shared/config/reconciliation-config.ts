import * as z from 'zod/mini';
import { loadPaytimeFollowUpConfig, type PaytimeFollowUpConfig } from './paytime-event-processor-config';
import { type Env, parseEnv } from './process-env';

export interface ReconciliationConfig extends PaytimeFollowUpConfig {
  /** Paytime calls in flight at once (default 5). */
  concurrency: number;
}

/** `functions/reconciliation`: as the event processor, plus `RECONCILIATION_CONCURRENCY` (1-20, default 5). */
export async function loadReconciliationConfig(env: Env): Promise<ReconciliationConfig> {
  const base = await loadPaytimeFollowUpConfig(env, 'reconciliation configuration');
  const { RECONCILIATION_CONCURRENCY } = parseEnv(
    z.object({ RECONCILIATION_CONCURRENCY: z.optional(z.string().check(z.regex(/^([1-9]|1\d|20)$/))) }),
    env,
    'reconciliation configuration',
  );
  return { ...base, concurrency: RECONCILIATION_CONCURRENCY ? Number(RECONCILIATION_CONCURRENCY) : 5 };
}
