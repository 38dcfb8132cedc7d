import type { TenantStageConfig } from './load-tenant-config';
import type { TenantConfig } from './tenant-config.schema';

/**
 * The tenant's public settings as every function receives them, JSON in `IRIS_TENANT_SETTINGS`: taken from
 * `config/tenants/<tenant>.json` for the deployed stage. Never a secret, and no personal data (the owners'
 * names and phones live in the table, not in every function's environment).
 */
export interface TenantSettingsEnvironment {
  tenantId: string;
  displayName: string;
  whatsappPhoneNumberId: string;
  reminders: TenantConfig['reminders'];
  interestPolicy: TenantConfig['interestPolicy'];
  limits: TenantConfig['limits'];
  conversation: TenantConfig['conversation'];
}

export function tenantSettingsEnvironment(config: TenantStageConfig): TenantSettingsEnvironment {
  const { tenant, settings } = config;
  return {
    tenantId: tenant.tenantId,
    displayName: tenant.displayName,
    whatsappPhoneNumberId: settings.whatsappPhoneNumberId,
    reminders: tenant.reminders,
    interestPolicy: tenant.interestPolicy,
    limits: tenant.limits,
    conversation: tenant.conversation,
  };
}
