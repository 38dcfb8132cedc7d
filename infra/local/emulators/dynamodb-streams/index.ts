export { DynamoDbStreamPoller, type DynamoDbStreamPollerOptions } from './dynamodb-stream-poller';
export {
  type FilterMatcher,
  type FilterPattern,
  FilterPatternError,
  matchesAnyFilter,
  matchesPattern,
  parseFilterPatterns,
} from './event-filter';
export type { StartingPosition } from './shard-reader';
export { StreamConsumer, type StreamConsumerOptions, type StreamConsumerStats } from './stream-consumer';
export { toLambdaRecord } from './stream-record';
