import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { deps, logger } from './composition';
import { createLedgerProjectorHandler } from './create-handler';

/** The raw handler (tests build their own with `createLedgerProjectorHandler`). */
export const projectLedger = createLedgerProjectorHandler(deps);

/** DynamoDB Streams, filtered to ledger entries and boletos (`LEDGER_STREAM_FILTER_PATTERN`). */
export const handler = middy(projectLedger).use(injectLambdaContext(logger));
