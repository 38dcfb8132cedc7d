import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { deps, logger } from './composition';
import { createAgingImportHandler } from './create-handler';

/** The raw handler (tests build their own with `createAgingImportHandler`). */
export const agingImport = createAgingImportHandler(deps);

/** The aging import workflow's Tasks (claim, normalise, apply_batch, close_vanished, derive_aging, report...). */
export const handler = middy(agingImport).use(injectLambdaContext(logger));
