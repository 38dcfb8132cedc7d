import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { deps, logger } from './composition';
import { createEmailEventsHandler } from './create-handler';

/** The raw handler (tests build their own with `createEmailEventsHandler`). */
export const recordSesEvent = createEmailEventsHandler(deps);

/** SES configuration set → EventBridge (default bus) rule → here: delivery, bounce, complaint per message. */
export const handler = middy(recordSesEvent).use(injectLambdaContext(logger));
