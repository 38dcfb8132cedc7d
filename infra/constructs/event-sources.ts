import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { IrisFunction } from './iris-function';

/** A stream consumer's mapping settings, as the owning module declares them (plain data, no CDK). */
export interface StreamConsumerSettings {
  readonly startingPosition: 'TRIM_HORIZON' | 'LATEST';
  readonly batchSize: number;
  readonly maxBatchingWindowSeconds: number;
  readonly bisectBatchOnError: boolean;
  readonly retryAttempts: number;
  readonly maxRecordAgeSeconds: number;
  readonly reportBatchItemFailures: boolean;
  readonly parallelizationFactor: number;
}

/**
 * The table's stream → `fn`, filtered by `filterPattern` (Lambda drops non-matching records before invoking,
 * for free). A failing record is bisected out of its batch, retried a bounded number of times, and then
 * described on the `onFailure` queue, so one bad record cannot block its shard.
 */
export function consumeTableStream(
  fn: IrisFunction,
  table: dynamodb.ITableV2,
  options: { filterPattern: object; settings: StreamConsumerSettings; onFailure: sqs.IQueue },
): void {
  const { settings } = options;
  fn.function.addEventSource(
    new DynamoEventSource(table, {
      startingPosition: lambda.StartingPosition[settings.startingPosition],
      batchSize: settings.batchSize,
      maxBatchingWindow: Duration.seconds(settings.maxBatchingWindowSeconds),
      bisectBatchOnError: settings.bisectBatchOnError,
      retryAttempts: settings.retryAttempts,
      maxRecordAge: Duration.seconds(settings.maxRecordAgeSeconds),
      reportBatchItemFailures: settings.reportBatchItemFailures,
      parallelizationFactor: settings.parallelizationFactor,
      filters: [lambda.FilterCriteria.filter(options.filterPattern as Record<string, unknown>)],
      onFailure: new SqsDlq(options.onFailure),
    }),
  );
}

/**
 * A queue → `fn` with partial batch responses: the handler reports the failed message ids and only those come
 * back (and, after the queue's maxReceiveCount, go to its DLQ). `maxConcurrency` caps how many concurrent
 * invocations the queue may drive, which also paces sends to the providers.
 */
export function consumeQueue(
  fn: IrisFunction,
  queue: sqs.IQueue,
  options: { batchSize: number; maxBatchingWindowSeconds: number; maxConcurrency: number },
): void {
  fn.function.addEventSource(
    new SqsEventSource(queue, {
      batchSize: options.batchSize,
      maxBatchingWindow: Duration.seconds(options.maxBatchingWindowSeconds),
      maxConcurrency: options.maxConcurrency,
      reportBatchItemFailures: true,
    }),
  );
}
