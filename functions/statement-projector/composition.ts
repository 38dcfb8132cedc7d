import { createDocumentClient } from '#adapters/dynamodb/document-client';
import { DynamoDbStatementProjection } from '#adapters/dynamodb/statements/dynamodb-statement-projection';
import { processEnv } from '#config/process-env';
import { loadStatementProjectorConfig } from '#config/statement-projector-config';
import { createLogger } from '#logging/create-logger';
import type { StatementProjectorDependencies } from './create-handler';

/** Built once per container, at cold start. */
const config = loadStatementProjectorConfig(processEnv());

export const logger = createLogger('statement-projector');

export const deps: StatementProjectorDependencies = {
  statements: new DynamoDbStatementProjection(config.tableName, createDocumentClient()),
};
