import * as z from 'zod/mini';
import { type Env, nonEmpty, parseEnv } from './process-env';

export interface EmailEventsConfig {
  tenantId: string;
  tableName: string;
}

/** `functions/email-events`: TABLE_NAME and IRIS_TENANT_ID (the stack's tenant owns the configuration set). */
export function loadEmailEventsConfig(env: Env): EmailEventsConfig {
  const parsed = parseEnv(
    z.object({ IRIS_TENANT_ID: nonEmpty(), TABLE_NAME: nonEmpty() }),
    env,
    'email events configuration',
  );
  return { tenantId: parsed.IRIS_TENANT_ID, tableName: parsed.TABLE_NAME };
}
