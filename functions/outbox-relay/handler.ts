import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { deps, logger } from './composition';
import { createOutboxRelayHandler } from './create-handler';

/** The raw handler (tests build their own with `createOutboxRelayHandler`). */
export const relayOutbox = createOutboxRelayHandler(deps);

/** DynamoDB Streams → SQS, filtered to outbox INSERTs (`OUTBOX_STREAM_FILTER_PATTERN`). */
export const handler = middy(relayOutbox).use(injectLambdaContext(logger));
