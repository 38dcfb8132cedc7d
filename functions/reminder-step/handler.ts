import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { deps, logger } from './composition';
import { createReminderStepHandler } from './create-handler';

/** The raw handler (tests build their own with `createReminderStepHandler`). */
export const reminderStep = createReminderStepHandler(deps);

/** The reminder loop's Task (`remind` and `record_failure`). */
export const handler = middy(reminderStep).use(injectLambdaContext(logger));
