import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { deps, logger } from './composition';
import { createStatementProjectorHandler } from './create-handler';

/** The raw handler (tests build their own with `createStatementProjectorHandler`). */
export const projectStatements = createStatementProjectorHandler(deps);

/** DynamoDB Streams, filtered to boletos and payments (`STATEMENT_STREAM_FILTER_PATTERN`). */
export const handler = middy(projectStatements).use(injectLambdaContext(logger));
