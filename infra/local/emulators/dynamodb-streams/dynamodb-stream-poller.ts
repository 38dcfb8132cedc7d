import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { ShardReader, type StartingPosition } from './shard-reader';
import { StreamConsumer, type StreamConsumerOptions } from './stream-consumer';
import { toLambdaRecord } from './stream-record';

/**
 * The table's stream feeding functions, as Lambda event source mappings do in AWS: polls DynamoDB Local's stream
 * with the real DynamoDB Streams client and hands each subscribed consumer its filtered batches (see
 * StreamConsumer for batching, filters and failures). Every consumer reads the stream at its own pace through
 * its own shard iterators, like separate mappings; a consumer's records are delivered one batch at a time.
 */

export interface DynamoDbStreamPollerOptions {
  tableName: string;
  /** DynamoDB Local's endpoint (ignored for a client passed in). */
  endpoint?: string;
  region?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  dynamoDbClient?: DynamoDBClient;
  streamsClient?: DynamoDBStreamsClient;
  /** Where consumers start reading unless they say (default LATEST: what is written after `start()` resolves). */
  startingPosition?: StartingPosition;
  /** Pause between polls once caught up, in ms (default 100). */
  pollIntervalMs?: number;
  onError?: (error: unknown) => void;
}

interface Subscription {
  consumer: StreamConsumer;
  reader: ShardReader | undefined;
}

const REFRESH_EVERY_CYCLES = 20;

export class DynamoDbStreamPoller {
  private readonly dynamoDb: DynamoDBClient;
  private readonly streams: DynamoDBStreamsClient;
  private readonly subscriptions: Subscription[] = [];
  private streamArn: string | undefined;
  private stopper = new AbortController();
  private running: Promise<void> | undefined;
  private cyclesStarted = 0;
  private lastQuietCycle = 0;
  private readonly quietWaiters = new Set<{ target: number; resolve: () => void }>();

  constructor(private readonly options: DynamoDbStreamPollerOptions) {
    const config = {
      region: options.region ?? 'us-east-1',
      credentials: options.credentials ?? { accessKeyId: 'local', secretAccessKey: 'local' },
      ...(options.endpoint && { endpoint: options.endpoint }),
    };
    this.dynamoDb = options.dynamoDbClient ?? new DynamoDBClient(config);
    this.streams = options.streamsClient ?? new DynamoDBStreamsClient(config);
  }

  /** Adds a consumer (an event source mapping), reading from its starting position (or the poller's). */
  async subscribe(options: StreamConsumerOptions): Promise<StreamConsumer> {
    const consumer = new StreamConsumer({ region: this.options.region ?? 'us-east-1', ...options });
    const subscription: Subscription = { consumer, reader: undefined };
    if (this.streamArn) subscription.reader = await this.newReader(this.streamArn, this.positionOf(consumer));
    this.subscriptions.push(subscription);
    return consumer;
  }

  /** Finds the table's stream and positions every consumer; writes made after this resolves are delivered. */
  async start(): Promise<void> {
    if (this.running) return;
    const table = await this.dynamoDb.send(new DescribeTableCommand({ TableName: this.options.tableName }));
    const streamArn = table.Table?.LatestStreamArn;
    if (!streamArn || !table.Table?.StreamSpecification?.StreamEnabled) {
      throw new Error(`Table ${this.options.tableName} has no enabled stream`);
    }
    this.streamArn = streamArn;
    for (const subscription of this.subscriptions) {
      subscription.reader ??= await this.newReader(streamArn, this.positionOf(subscription.consumer));
    }
    this.stopper = new AbortController();
    this.running = this.loop(this.stopper.signal);
  }

  async stop(): Promise<void> {
    this.stopper.abort();
    await this.running;
    this.running = undefined;
    for (const waiter of this.quietWaiters) waiter.resolve();
    this.quietWaiters.clear();
  }

  /** Resolves after a full poll cycle that began after this call found nothing new and delivered everything. */
  idle(): Promise<void> {
    if (!this.running) return Promise.resolve();
    const target = this.cyclesStarted + 1;
    return new Promise((resolve) => this.quietWaiters.add({ target, resolve }));
  }

  get eventSourceArn(): string | undefined {
    return this.streamArn;
  }

  private positionOf(consumer: StreamConsumer): StartingPosition {
    return consumer.startingPosition ?? this.options.startingPosition ?? 'LATEST';
  }

  private async newReader(streamArn: string, position: StartingPosition): Promise<ShardReader> {
    const reader = new ShardReader(this.streams, streamArn);
    await reader.initialize(position);
    return reader;
  }

  private async loop(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const cycle = ++this.cyclesStarted;
      let delivered = 0;
      try {
        delivered = await this.cycle(cycle);
      } catch (error) {
        (this.options.onError ?? ((thrown) => console.error('DynamoDB stream poller failed', thrown)))(error);
        delivered = -1;
      }
      if (delivered > 0) continue;
      if (delivered === 0) this.markQuiet(cycle);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, this.options.pollIntervalMs ?? 100);
        function done() {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          resolve();
        }
        signal.addEventListener('abort', done, { once: true });
      });
    }
  }

  /** One pass over every consumer; returns how many records were read. */
  private async cycle(cycle: number): Promise<number> {
    let read = 0;
    for (const subscription of this.subscriptions) {
      const reader = subscription.reader;
      if (!reader) continue;
      if (cycle % REFRESH_EVERY_CYCLES === 0) await reader.refresh();
      for (const { records } of await reader.poll()) {
        read += records.length;
        await subscription.consumer.consume(
          records.map((record) => toLambdaRecord(record, reader.streamArn)),
        );
      }
    }
    return read;
  }

  private markQuiet(cycle: number): void {
    this.lastQuietCycle = cycle;
    for (const waiter of [...this.quietWaiters]) {
      if (waiter.target <= this.lastQuietCycle) {
        this.quietWaiters.delete(waiter);
        waiter.resolve();
      }
    }
  }
}
