import { DynamoDbAgingImportBatches } from '#adapters/dynamodb/receivables/dynamodb-aging-import-batches';
import { DynamoDbAgingUploads } from '#adapters/dynamodb/receivables/dynamodb-aging-uploads';
import { DynamoDbReceivablesRepository } from '#adapters/dynamodb/receivables/dynamodb-receivables-repository';
import { TableAccess } from '#adapters/dynamodb/table-access';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { systemClock } from '#adapters/system/system-clock';
import { TimeOrderedIdGenerator } from '#adapters/system/time-ordered-id-generator';
import { type AgingImportReportDeps, agingImportReply } from '#application/collections/report-aging-import';
import { loadAgingImportConfig } from '#config/aging-import-config';
import { composeObjectStore } from '#config/object-store-config';
import { processEnv } from '#config/process-env';
import { createLogger } from '#logging/create-logger';

/** Built once per container, at cold start. */
const config = loadAgingImportConfig(processEnv());
const repositories = createTableRepositories(config.tableName);
const table = new TableAccess(config.tableName);
const clock = systemClock;

export const logger = createLogger('aging-import');

export const deps: AgingImportReportDeps = {
  files: composeObjectStore(config.files),
  receivables: new DynamoDbReceivablesRepository(table),
  batches: new DynamoDbAgingImportBatches(table),
  clock,
  uploads: new DynamoDbAgingUploads(table),
  reply: agingImportReply({ ...repositories, clock, ids: new TimeOrderedIdGenerator() }),
};
