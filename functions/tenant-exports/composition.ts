import { HmacExportTickets } from '#adapters/auth/hmac-export-tickets';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { systemClock } from '#adapters/system/system-clock';
import { processEnv } from '#config/process-env';
import { loadTenantExportsConfig } from '#config/tenant-exports-config';
import type { ExportDependencies } from '#functions/tenant-api/export-routes';
import { createLogger } from '#logging/create-logger';

/** Built once per container, at cold start. */
const config = await loadTenantExportsConfig(processEnv());

export const logger = createLogger('tenant-exports');

const repositories = createTableRepositories(config.tableName);

export const deps: ExportDependencies = {
  tenantId: config.tenantId,
  clock: systemClock,
  logger,
  ledger: repositories.ledger,
  boletos: repositories.boletos,
  payments: repositories.payments,
  contacts: repositories.contacts,
  tenants: repositories.tenants,
  statements: repositories.statements,
};

export const tickets = new HmacExportTickets(config.exportTicketKeys);
