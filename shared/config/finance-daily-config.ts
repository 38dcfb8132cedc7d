import * as z from 'zod/mini';
import { type Env, nonEmpty, parseEnv } from './process-env';

export interface FinanceDailyConfig {
  tableName: string;
  /** The stack's tenant: a schedule for any other tenant is refused. */
  tenantId: string;
}

/** `functions/finance-daily`: the table and the stack's tenant (it reads the ledger and queues owner messages). */
export function loadFinanceDailyConfig(env: Env): FinanceDailyConfig {
  const parsed = parseEnv(
    z.object({ TABLE_NAME: nonEmpty(), IRIS_TENANT_ID: nonEmpty() }),
    env,
    'finance daily configuration',
  );
  return { tableName: parsed.TABLE_NAME, tenantId: parsed.IRIS_TENANT_ID };
}
