export { LocalSqs, type LocalSqsOptions, type ReceiveOptions, type SqsBusinessClock } from './local-sqs';
export type { MessageAttributeValue } from './message-md5';
export type { QueueMessage, SendMessageInput, SendMessageResult } from './queue-message';
export {
  SqsEventSource,
  type SqsEventSourceOptions,
  type SqsEventSourceStats,
  toRecord,
} from './sqs-event-source';
export { createSqsHttpServer, type SqsHttpServerOptions } from './sqs-http-server';
