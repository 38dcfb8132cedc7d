import * as z from 'zod/mini';
import { type Env, nonEmpty, parseEnv } from './process-env';

export interface TenantApiConfig {
  tenantId: string;
  tableName: string;
  /** Requests one member may make per minute (docs/decisions.md, "Team": rate limits). */
  memberRequestsPerMinute: number;
}

/** Default per-member limit: far above a person at the console, low enough to stop a runaway ERP loop. */
export const DEFAULT_MEMBER_REQUESTS_PER_MINUTE = 120;

const environment = z.object({
  IRIS_TENANT_ID: nonEmpty(),
  TABLE_NAME: nonEmpty(),
  API_MEMBER_REQUESTS_PER_MINUTE: z.optional(z.string().check(z.regex(/^[1-9]\d{0,5}$/))),
});

/** `functions/tenant-api`: the tenant it serves (one stack, one tenant, one user pool) and the table. */
export function loadTenantApiConfig(env: Env): TenantApiConfig {
  const parsed = parseEnv(environment, env, 'tenant API configuration');
  return {
    tenantId: parsed.IRIS_TENANT_ID,
    tableName: parsed.TABLE_NAME,
    memberRequestsPerMinute: Number(
      parsed.API_MEMBER_REQUESTS_PER_MINUTE ?? DEFAULT_MEMBER_REQUESTS_PER_MINUTE,
    ),
  };
}
