export type { QueueMessage, SendMessageInput, SendMessageResult } from './local-queue';
export { LocalSqs, type LocalSqsOptions, type SqsBusinessClock } from './local-sqs';
export {
  SqsEventSource,
  type SqsEventSourceOptions,
  type SqsEventSourceStats,
} from './sqs-event-source';
export { createSqsHttpServer, type SqsHttpServerOptions } from './sqs-http-server';
