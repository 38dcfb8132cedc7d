import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { deps, logger } from './composition';
import { createPaytimeEventProcessorHandler } from './create-handler';

/** The raw handler (tests build their own with `createPaytimeEventProcessorHandler`). */
export const processPaytimeEvents = createPaytimeEventProcessorHandler(deps);

/** DynamoDB Streams, filtered to stored provider events (`PAYTIME_EVENT_STREAM_FILTER_PATTERN`). */
export const handler = middy(processPaytimeEvents).use(injectLambdaContext(logger));
