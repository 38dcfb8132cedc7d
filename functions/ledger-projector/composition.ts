import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { systemClock } from '#adapters/system/system-clock';
import { TimeOrderedIdGenerator } from '#adapters/system/time-ordered-id-generator';
import { loadLedgerProjectorConfig } from '#config/ledger-projector-config';
import { processEnv } from '#config/process-env';
import { createLogger } from '#logging/create-logger';
import type { LedgerProjectorDependencies } from './create-handler';

/** Built once per container, at cold start. */
const config = loadLedgerProjectorConfig(processEnv());

export const logger = createLogger('ledger-projector');

const repositories = createTableRepositories(config.tableName);

export const deps: LedgerProjectorDependencies = {
  ledger: repositories.ledger,
  aggregates: repositories.ledgerAggregates,
  latePayments: repositories.latePayments,
  budgets: repositories.budgets,
  users: repositories.users,
  outbox: repositories.outbox,
  unitOfWork: repositories.unitOfWork,
  clock: systemClock,
  ids: new TimeOrderedIdGenerator(systemClock),
};
