import * as z from 'zod/mini';
import { type Env, nonEmpty, parseEnv } from './process-env';

export interface TenantApiConfig {
  tenantId: string;
  tableName: string;
}

const environment = z.object({ IRIS_TENANT_ID: nonEmpty(), TABLE_NAME: nonEmpty() });

/** `functions/tenant-api`: the tenant it serves (one stack, one tenant, one user pool) and the table. */
export function loadTenantApiConfig(env: Env): TenantApiConfig {
  const parsed = parseEnv(environment, env, 'tenant API configuration');
  return { tenantId: parsed.IRIS_TENANT_ID, tableName: parsed.TABLE_NAME };
}
