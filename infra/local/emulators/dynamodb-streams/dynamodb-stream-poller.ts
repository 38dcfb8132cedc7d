import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { ShardReader, type StartingPosition } from './shard-reader';
import { StreamConsumer, type StreamConsumerOptions } from './stream-consumer';
import { toLambdaRecord } from './stream-record';

/**
 * The table's stream feeding functions, as Lambda event source mappings do in AWS: polls DynamoDB Local's stream
 * with the real DynamoDB Streams client and hands each subscribed consumer its filtered batches (see
 * StreamConsumer for batching, filters and failures); a consumer's records are delivered one batch at a time.
 * Consumers subscribed before `start()` with the same starting position share one reader: each shard is read
 * once per cycle and its records go to every consumer in turn (six mappings reading separately made six
 * GetRecords per shard every cycle, which is what the local cloud's settle waited on). A consumer subscribed
 * later gets its own reader, from its own starting position. `idle()` starts the next cycle at once instead
 * of waiting out the poll interval.
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

/** Consumers reading through one set of shard iterators. */
interface ReaderGroup {
  position: StartingPosition;
  consumers: StreamConsumer[];
  reader: ShardReader | undefined;
}

const REFRESH_EVERY_CYCLES = 20;

export class DynamoDbStreamPoller {
  private readonly dynamoDb: DynamoDBClient;
  private readonly streams: DynamoDBStreamsClient;
  private readonly groups: ReaderGroup[] = [];
  private streamArn: string | undefined;
  private stopper = new AbortController();
  private running: Promise<void> | undefined;
  private cyclesStarted = 0;
  private lastQuietCycle = 0;
  private readonly quietWaiters = new Set<{ target: number; resolve: () => void }>();
  /** Ends the pause between cycles early (set while the loop pauses). */
  private wakeLoop: (() => void) | undefined;

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
    const position = this.positionOf(consumer);
    if (this.streamArn) {
      this.groups.push({
        position,
        consumers: [consumer],
        reader: await this.newReader(this.streamArn, position),
      });
      return consumer;
    }
    const group = this.groups.find((candidate) => candidate.position === position);
    if (group) group.consumers.push(consumer);
    else this.groups.push({ position, consumers: [consumer], reader: undefined });
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
    for (const group of this.groups) {
      group.reader ??= await this.newReader(streamArn, group.position);
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
    const quiet = new Promise<void>((resolve) => this.quietWaiters.add({ target, resolve }));
    this.wakeLoop?.();
    return quiet;
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
      // Someone waits for a quiet cycle that has not run yet: run it now rather than after the pause.
      if (delivered === 0 && this.quietWaiters.size > 0) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, this.options.pollIntervalMs ?? 100);
        const poller = this;
        poller.wakeLoop = done;
        function done() {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          poller.wakeLoop = undefined;
          resolve();
        }
        signal.addEventListener('abort', done, { once: true });
      });
    }
  }

  /** One pass over every reader, each shard's records to each of its consumers; returns how many were read. */
  private async cycle(cycle: number): Promise<number> {
    let read = 0;
    for (const { reader, consumers } of this.groups) {
      if (!reader) continue;
      if (cycle % REFRESH_EVERY_CYCLES === 0) await reader.refresh();
      for (const { records } of await reader.poll()) {
        read += records.length;
        for (const consumer of consumers) {
          // Each mapping gets its own event objects, as separate invocations would.
          await consumer.consume(records.map((record) => toLambdaRecord(record, reader.streamArn)));
        }
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
