import { createDocumentClient } from '#adapters/dynamodb/document-client';
import { DynamoDbReceivablesRepository } from '#adapters/dynamodb/receivables/dynamodb-receivables-repository';
import { TableAccess } from '#adapters/dynamodb/table-access';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { systemClock } from '#adapters/system/system-clock';
import { TimeOrderedIdGenerator } from '#adapters/system/time-ordered-id-generator';
import { loadEmailEventsConfig } from '#config/email-events-config';
import { processEnv } from '#config/process-env';
import { createLogger } from '#logging/create-logger';
import type { EmailEventsDeps } from './create-handler';

/** Built once per container, at cold start. */
const config = loadEmailEventsConfig(processEnv());
const client = createDocumentClient();
const repositories = createTableRepositories(config.tableName, client);
const clock = systemClock;

export const logger = createLogger('email-events');

export const deps: EmailEventsDeps = {
  tenantId: config.tenantId,
  events: repositories.emailEvents,
  outbox: repositories.outbox,
  unitOfWork: repositories.unitOfWork,
  users: repositories.users,
  contacts: repositories.contacts,
  receivables: new DynamoDbReceivablesRepository(new TableAccess(config.tableName, client)),
  clock,
  ids: new TimeOrderedIdGenerator(clock),
  logger,
};
