import {
  type _Record,
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type Shard,
  type ShardIteratorType,
} from '@aws-sdk/client-dynamodb-streams';

/**
 * Reads every shard of one stream, in order, for one consumer: a child shard is read only after its parent is
 * exhausted, new shards found later are read from their start, and an expired iterator is renewed after the last
 * sequence number read. Each `poll()` returns what arrived since the previous one.
 */

export type StartingPosition = 'TRIM_HORIZON' | 'LATEST';

interface ShardState {
  shardId: string;
  parentShardId: string | undefined;
  iterator: string | undefined;
  lastSequenceNumber: string | undefined;
  initialPosition: ShardIteratorType;
  exhausted: boolean;
}

export interface ShardRecords {
  shardId: string;
  records: _Record[];
}

export class ShardReader {
  private readonly shards = new Map<string, ShardState>();

  constructor(
    private readonly client: DynamoDBStreamsClient,
    readonly streamArn: string,
  ) {}

  /** Discovers the shards; at LATEST, only open shards are read, from now on. */
  async initialize(startingPosition: StartingPosition): Promise<void> {
    for (const shard of await this.describeShards()) {
      const open = shard.SequenceNumberRange?.EndingSequenceNumber === undefined;
      const state = this.track(shard, startingPosition === 'LATEST' ? 'LATEST' : 'TRIM_HORIZON');
      if (startingPosition === 'LATEST') {
        if (open) state.iterator = await this.iteratorFor(state);
        else state.exhausted = true;
      }
    }
  }

  /** Picks up shards created since (they are read from their beginning). */
  async refresh(): Promise<void> {
    for (const shard of await this.describeShards()) {
      if (shard.ShardId && !this.shards.has(shard.ShardId)) this.track(shard, 'TRIM_HORIZON');
    }
  }

  async poll(limit = 1000): Promise<ShardRecords[]> {
    const results: ShardRecords[] = [];
    for (const state of this.shards.values()) {
      if (state.exhausted || !this.parentDone(state)) continue;
      state.iterator ??= await this.iteratorFor(state);
      if (!state.iterator) continue;
      let output: { Records?: _Record[]; NextShardIterator?: string | undefined };
      try {
        output = await this.client.send(
          new GetRecordsCommand({ ShardIterator: state.iterator, Limit: limit }),
        );
      } catch (error) {
        if (!isRenewable(error)) throw error;
        state.iterator = await this.iteratorFor(state);
        continue;
      }
      const records = output.Records ?? [];
      const last = records.at(-1)?.dynamodb?.SequenceNumber;
      if (last) state.lastSequenceNumber = last;
      state.iterator = output.NextShardIterator ?? undefined;
      if (!state.iterator) state.exhausted = true;
      if (records.length > 0) results.push({ shardId: state.shardId, records });
    }
    return results;
  }

  private parentDone(state: ShardState): boolean {
    const parent = state.parentShardId ? this.shards.get(state.parentShardId) : undefined;
    return !parent || parent.exhausted;
  }

  private track(shard: Shard, initialPosition: ShardIteratorType): ShardState {
    const state: ShardState = {
      shardId: shard.ShardId ?? '',
      parentShardId: shard.ParentShardId,
      iterator: undefined,
      lastSequenceNumber: undefined,
      initialPosition,
      exhausted: false,
    };
    this.shards.set(state.shardId, state);
    return state;
  }

  private async iteratorFor(state: ShardState): Promise<string | undefined> {
    const position: { ShardIteratorType: ShardIteratorType; SequenceNumber?: string } =
      state.lastSequenceNumber
        ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: state.lastSequenceNumber }
        : { ShardIteratorType: state.initialPosition };
    const output = await this.client.send(
      new GetShardIteratorCommand({ StreamArn: this.streamArn, ShardId: state.shardId, ...position }),
    );
    return output.ShardIterator;
  }

  private async describeShards(): Promise<Shard[]> {
    const shards: Shard[] = [];
    let exclusiveStartShardId: string | undefined;
    do {
      const output = await this.client.send(
        new DescribeStreamCommand({
          StreamArn: this.streamArn,
          ExclusiveStartShardId: exclusiveStartShardId,
        }),
      );
      shards.push(...(output.StreamDescription?.Shards ?? []));
      exclusiveStartShardId = output.StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId);
    return shards;
  }
}

function isRenewable(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === 'ExpiredIteratorException' || error.name === 'TrimmedDataAccessException')
  );
}
