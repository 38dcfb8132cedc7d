import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { deps, idempotent, logger } from './composition';
import { createTenantApiHandler } from './create-handler';

/** The raw handler (tests build their own with `createTenantApiHandler`). */
export const serveTenantApi = createTenantApiHandler(deps, logger, idempotent);

/** HTTP API `ANY /v1/{proxy+}` behind the JWT authorizer. */
export const handler = middy(serveTenantApi).use(injectLambdaContext(logger));
