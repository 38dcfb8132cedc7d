import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { deps, logger } from './composition';
import { createConversationStepsHandler } from './create-handler';

/** The raw handler (tests build their own with `createConversationStepsHandler`). */
export const runConversationStep = createConversationStepsHandler(deps);

/** Every Task of the conversation workflow (Step Functions → Lambda). */
export const handler = middy(runConversationStep).use(injectLambdaContext(logger, { resetKeys: true }));
