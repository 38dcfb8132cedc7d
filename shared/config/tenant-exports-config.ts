import * as z from 'zod/mini';
import { type Env, nonEmpty, parseEnv } from './process-env';
import { readRotatingSecret } from './secret-values';

export interface TenantExportsConfig {
  tenantId: string;
  tableName: string;
  /** The export-ticket key, current first (and the previous one while rotating). */
  exportTicketKeys: string[];
}

/** The secret that signs export tickets (the tenant API issues them, the export function checks them). */
export const EXPORT_TICKET_KEY = 'EXPORT_TICKET_KEY';

/** `functions/tenant-exports`: the tenant it serves, the table it reads, the ticket key. */
export async function loadTenantExportsConfig(env: Env): Promise<TenantExportsConfig> {
  const parsed = parseEnv(
    z.object({ IRIS_TENANT_ID: nonEmpty(), TABLE_NAME: nonEmpty() }),
    env,
    'tenant exports configuration',
  );
  return {
    tenantId: parsed.IRIS_TENANT_ID,
    tableName: parsed.TABLE_NAME,
    exportTicketKeys: await readRotatingSecret(EXPORT_TICKET_KEY, env as NodeJS.ProcessEnv),
  };
}
