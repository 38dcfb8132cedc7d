import { loadPaytimeFollowUpConfig, type PaytimeFollowUpConfig } from './paytime-event-processor-config';
import type { Env } from './process-env';

export type TenantApiConfig = PaytimeFollowUpConfig;

/**
 * `functions/tenant-api`: the tenant it serves (one stack, one tenant, one user pool), the table, Paytime's
 * API (cancel at the provider) and the reminder loop's state machine (stop a cancelled boleto's loop).
 */
export function loadTenantApiConfig(env: Env): Promise<TenantApiConfig> {
  return loadPaytimeFollowUpConfig(env, 'tenant API configuration');
}
