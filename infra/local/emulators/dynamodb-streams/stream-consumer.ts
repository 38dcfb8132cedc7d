import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import {
  createLambdaContext,
  invokeLocalHandler,
  type LocalLambdaHandler,
} from '#infra/local/emulators/lambda-context';
import { type FilterPattern, matchesAnyFilter, parseFilterPatterns } from './event-filter';

/**
 * One function fed by the table's stream, as an event source mapping would feed it: records that pass the
 * mapping's filters, in batches of `batchSize`, in order. Failure handling (Lambda's, simplified):
 * - a returned `batchItemFailures` (itemIdentifier = the record's SequenceNumber) retries from the earliest
 *   reported record; the records before it count as done;
 * - a thrown error (or an itemIdentifier naming no record of the batch) retries the whole batch;
 * - after `maximumRetryAttempts` retries, the batch is split in two and each half gets its own retries
 *   (bisect on error); a single record that still fails is skipped, logged and passed to `onRecordSkipped`
 *   (the mapping's on-failure destination), so one bad record cannot block the shard. Without bisecting, the
 *   failing record is skipped and the rest of the batch goes on with fresh retries (Lambda would discard the
 *   whole remaining batch; locally nothing good is dropped). MaximumRecordAge is not enforced.
 * Retries wait `retryDelayMs` doubled per attempt (real time, small by default).
 */

export interface StreamConsumerOptions {
  name: string;
  handler: LocalLambdaHandler<DynamoDBStreamEvent>;
  /** FilterCriteria.Filters[].Pattern, as JSON strings or objects; none = every record. */
  filterPatterns?: readonly (string | FilterPattern)[];
  /** Default 100, Lambda's default for streams. */
  batchSize?: number;
  /** Retries of a failing batch before bisecting / skipping (default 2). */
  maximumRetryAttempts?: number;
  /** Split a batch that keeps failing in two, retrying each half (default true); otherwise skip its failing record. */
  bisectBatchOnError?: boolean;
  /** Where this consumer starts reading the stream (default: the poller's startingPosition). */
  startingPosition?: 'TRIM_HORIZON' | 'LATEST';
  /** FunctionResponseTypes includes ReportBatchItemFailures (default true). */
  reportBatchItemFailures?: boolean;
  /** Base pause between retries in ms (default 20). */
  retryDelayMs?: number;
  onRecordSkipped?: (record: DynamoDBRecord, error: unknown) => void;
  region?: string;
}

export interface StreamConsumerStats {
  invocations: number;
  delivered: number;
  filteredOut: number;
  skipped: number;
}

type Outcome = { ok: true } | { ok: false; failedFrom: number; error: unknown };

export class StreamConsumer {
  readonly stats: StreamConsumerStats = { invocations: 0, delivered: 0, filteredOut: 0, skipped: 0 };
  private readonly patterns: FilterPattern[];

  constructor(private readonly options: StreamConsumerOptions) {
    this.patterns = parseFilterPatterns(options.filterPatterns ?? []);
  }

  get name(): string {
    return this.options.name;
  }

  get startingPosition(): 'TRIM_HORIZON' | 'LATEST' | undefined {
    return this.options.startingPosition;
  }

  /** Filters, batches and delivers the records of one shard read, in order. */
  async consume(records: readonly DynamoDBRecord[]): Promise<void> {
    const matching = records.filter((record) => matchesAnyFilter(record, this.patterns));
    this.stats.filteredOut += records.length - matching.length;
    const size = this.options.batchSize ?? 100;
    for (let start = 0; start < matching.length; start += size) {
      await this.deliver(matching.slice(start, start + size));
    }
  }

  private async deliver(batch: DynamoDBRecord[]): Promise<void> {
    const maxRetries = this.options.maximumRetryAttempts ?? 2;
    let pending = batch;
    let retries = 0;
    while (pending.length > 0) {
      const outcome = await this.invoke(pending);
      if (outcome.ok) {
        this.stats.delivered += pending.length;
        return;
      }
      this.stats.delivered += outcome.failedFrom;
      pending = pending.slice(outcome.failedFrom);
      if (retries < maxRetries) {
        retries += 1;
        await new Promise((resolve) =>
          setTimeout(resolve, (this.options.retryDelayMs ?? 20) * 2 ** (retries - 1)),
        );
        continue;
      }
      if (pending.length > 1 && (this.options.bisectBatchOnError ?? true)) {
        const half = Math.ceil(pending.length / 2);
        await this.deliver(pending.slice(0, half));
        await this.deliver(pending.slice(half));
        return;
      }
      this.skip(pending[0] as DynamoDBRecord, outcome.error);
      pending = pending.slice(1);
      retries = 0;
    }
  }

  private async invoke(batch: DynamoDBRecord[]): Promise<Outcome> {
    this.stats.invocations += 1;
    const context = createLambdaContext({
      functionName: this.options.name,
      region: this.options.region ?? 'us-east-1',
    });
    let response: Partial<DynamoDBBatchResponse> | null | undefined;
    try {
      response = (await invokeLocalHandler(
        this.options.handler,
        { Records: batch },
        context,
      )) as typeof response;
    } catch (error) {
      return { ok: false, failedFrom: 0, error };
    }
    const failures = response?.batchItemFailures;
    if (
      !(this.options.reportBatchItemFailures ?? true) ||
      !Array.isArray(failures) ||
      failures.length === 0
    ) {
      return { ok: true };
    }
    const positions = failures.map((failure) =>
      batch.findIndex((record) => record.dynamodb?.SequenceNumber === failure?.itemIdentifier),
    );
    // An identifier that names no record of the batch fails the whole batch, as in Lambda.
    const failedFrom = positions.includes(-1) ? 0 : Math.min(...positions);
    return {
      ok: false,
      failedFrom,
      error: new Error(`Reported batch item failures: ${JSON.stringify(failures)}`),
    };
  }

  private skip(record: DynamoDBRecord, error: unknown): void {
    this.stats.skipped += 1;
    if (this.options.onRecordSkipped) {
      this.options.onRecordSkipped(record, error);
      return;
    }
    console.error(
      `Stream consumer ${this.options.name} skipped record ${record.dynamodb?.SequenceNumber} after its retries`,
      error,
    );
  }
}
