import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledgeNag } from '#infra/nag/acknowledge';

export interface DeliveryQueueProps {
  /** At least six times the consumer's timeout, as AWS recommends for Lambda consumers. */
  readonly visibilityTimeout: Duration;
  /** Receives before SQS moves a message to the DLQ. Delivery defers with visibility, so this bounds retries. */
  readonly maxReceiveCount: number;
  readonly retention: Duration;
  readonly removalPolicy: RemovalPolicy;
}

/** Dead letters and failed events are kept 14 days (SQS's maximum): long enough to outlive a long weekend. */
const DEAD_LETTER_RETENTION = Duration.days(14);

/**
 * A standard SQS queue and its dead-letter queue, both encrypted with SQS-managed keys and refusing any
 * request that is not TLS (`aws:SecureTransport`). Standard, not FIFO: delivery defers a message with
 * per-message visibility and delays (quiet hours, daily caps), which FIFO queues do not allow, and delivery
 * claims each outbox item with a conditional write, so a duplicate message cannot send twice.
 */
export class DeliveryQueue extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  readonly maxReceiveCount: number;

  constructor(scope: Construct, id: string, props: DeliveryQueueProps) {
    super(scope, id);
    this.maxReceiveCount = props.maxReceiveCount;
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: DEAD_LETTER_RETENTION,
      removalPolicy: props.removalPolicy,
    });
    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: props.retention,
      visibilityTimeout: props.visibilityTimeout,
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: props.maxReceiveCount },
      removalPolicy: props.removalPolicy,
    });
  }
}

/**
 * Where asynchronous invocations that gave up land: the stream mappings' on-failure destination (records
 * that exhausted their retries) and the scheduler's dead letters. Same encryption and TLS rules.
 */
export function failedEventsQueue(scope: Construct, id: string, removalPolicy: RemovalPolicy): sqs.Queue {
  const queue = new sqs.Queue(scope, id, {
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: DEAD_LETTER_RETENTION,
    removalPolicy,
  });
  acknowledgeNag(
    queue,
    'AwsSolutions-SQS3',
    'This queue IS a dead-letter destination (stream on-failure records, scheduler dead letters); nothing consumes it automatically, an alarm fires on its first message.',
  );
  return queue;
}
