import type { SQSBatchResponse, SQSEvent, SQSRecord, SQSRecordAttributes } from 'aws-lambda';
import {
  createLambdaContext,
  invokeLocalHandler,
  type LocalLambdaHandler,
} from '#infra/local/emulators/lambda-context';
import type { LocalQueue, QueueMessage } from './local-queue';
import { type LocalSqs, waitForChange } from './local-sqs';

/**
 * What Lambda's SQS event source mapping does, in-process: poll a queue, hand batches to the handler as real
 * `SQSEvent`s, delete what succeeded. Several batches run at once, up to `maxConcurrency` (the mapping's
 * ScalingConfig.MaximumConcurrency), as Lambda's pollers do: the visible messages are spread over the free
 * slots, so two messages sent together may well be handled by two concurrent invocations. Each invocation gets
 * its own records and receipt handles; the handler is the same function object (as in one warm container per
 * slot, module-scope state must not hold per-invocation data).
 *
 * With ReportBatchItemFailures (default on, as the stack configures), the messages named in `batchItemFailures`
 * stay and come back after their visibility timeout (an unknown or empty itemIdentifier fails the whole batch,
 * as in Lambda); a thrown error fails the whole batch. Redrive to the DLQ is the queue's own redrive policy,
 * applied on receive.
 */

export interface SqsEventSourceOptions {
  sqs: LocalSqs;
  /** Queue name, URL or ARN. */
  queue: string;
  /** Returns an `SQSBatchResponse` (or nothing), like an `SQSHandler`. */
  handler: LocalLambdaHandler<SQSEvent>;
  /** For the Lambda context (default: `<queue>-consumer`). */
  functionName?: string;
  /** Records per invocation (default 10). */
  batchSize?: number;
  /** Concurrent invocations at most (default 5, what Lambda's SQS poller starts with; AWS's minimum is 2). */
  maxConcurrency?: number;
  /** The mapping's FunctionResponseTypes includes ReportBatchItemFailures (default true). */
  reportBatchItemFailures?: boolean;
  /** Called with a handler's thrown error (default: console.error). */
  onError?: (error: unknown) => void;
}

export interface SqsEventSourceStats {
  batches: number;
  deleted: number;
  failed: number;
  /** The most invocations that ran at the same time. */
  peakConcurrency: number;
}

const IDLE_POLL_MS = 10;

export class SqsEventSource {
  readonly stats: SqsEventSourceStats = { batches: 0, deleted: 0, failed: 0, peakConcurrency: 0 };
  private readonly options: Required<Omit<SqsEventSourceOptions, 'functionName' | 'onError'>> &
    Pick<SqsEventSourceOptions, 'functionName' | 'onError'>;
  private running: Promise<void> | undefined;
  private stopper = new AbortController();
  private readonly invocations = new Set<Promise<void>>();

  constructor(options: SqsEventSourceOptions) {
    this.options = { batchSize: 10, maxConcurrency: 5, reportBatchItemFailures: true, ...options };
  }

  start(): this {
    if (this.running) return this;
    this.stopper = new AbortController();
    this.running = this.loop(this.stopper.signal);
    return this;
  }

  /** Stops polling and waits for the invocations under way. */
  async stop(): Promise<void> {
    this.stopper.abort();
    await this.running;
    this.running = undefined;
  }

  /** No batch running and no visible message waiting (messages waiting out a visibility timeout don't count). */
  idle(): Promise<void> {
    return this.until(() => this.invocations.size === 0 && this.queue().counts().visible === 0);
  }

  /** The queue is completely empty (nothing visible, in flight or delayed) and no batch is running. */
  drain(): Promise<void> {
    return this.until(() => {
      const { visible, inFlight, delayed } = this.queue().counts();
      return this.invocations.size === 0 && visible + inFlight + delayed === 0;
    });
  }

  private queue(): LocalQueue {
    return this.options.sqs.queue(this.options.queue);
  }

  private async until(condition: () => boolean): Promise<void> {
    while (!condition()) await new Promise((resolve) => setTimeout(resolve, IDLE_POLL_MS));
  }

  private async loop(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        await this.pollOnce(signal);
      } catch (error) {
        // The emulator failed: report and keep polling, as Lambda would.
        this.reportError(error);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
    await Promise.all(this.invocations);
  }

  private async pollOnce(signal: AbortSignal): Promise<void> {
    const freeSlots = this.options.maxConcurrency - this.invocations.size;
    if (freeSlots <= 0) {
      await Promise.race(this.invocations);
      return;
    }
    const queue = this.queue();
    const perBatch = Math.ceil(queue.counts().visible / freeSlots);
    const messages = queue.receive(Math.min(this.options.batchSize, Math.max(1, perBatch)));
    if (messages.length === 0) {
      const wakeAt = queue.nextVisibleAt();
      // On the queue's clock (which may be virtual); at most a second, so nothing is missed for long.
      await waitForChange(
        queue,
        wakeAt === undefined ? 1_000 : Math.min(wakeAt - queue.now(), 1_000),
        signal,
      );
      return;
    }
    const invocation = this.invoke(queue, messages)
      .catch((error: unknown) => this.reportError(error))
      .finally(() => this.invocations.delete(invocation));
    this.invocations.add(invocation);
    this.stats.peakConcurrency = Math.max(this.stats.peakConcurrency, this.invocations.size);
  }

  private reportError(error: unknown): void {
    (this.options.onError ?? ((thrown) => console.error('SQS event source handler failed', thrown)))(error);
  }

  private async invoke(queue: LocalQueue, messages: QueueMessage[]): Promise<void> {
    const region = this.options.sqs.region;
    const event: SQSEvent = {
      Records: messages.map((message) => toRecord(message, queue.config.arn, region)),
    };
    const context = createLambdaContext({
      functionName: this.options.functionName ?? `${queue.config.name}-consumer`,
      region,
      accountId: this.options.sqs.accountId,
    });
    this.stats.batches += 1;
    let failed: Set<string>;
    try {
      const response = await invokeLocalHandler(this.options.handler, event, context);
      failed = this.failedIds(messages, response as Partial<SQSBatchResponse> | undefined);
    } catch (error) {
      this.reportError(error);
      failed = new Set(messages.map((message) => message.messageId));
    }
    for (const message of messages) {
      if (failed.has(message.messageId)) {
        this.stats.failed += 1;
        continue;
      }
      try {
        queue.delete(message.receiptHandle);
        this.stats.deleted += 1;
      } catch (error) {
        // Redriven to the DLQ meanwhile by another poller's receive: nothing left to delete here.
        this.reportError(error);
      }
    }
  }

  private failedIds(
    messages: QueueMessage[],
    response: Partial<SQSBatchResponse> | null | undefined,
  ): Set<string> {
    const reported = response?.batchItemFailures;
    if (!this.options.reportBatchItemFailures || !Array.isArray(reported)) return new Set();
    const ids = new Set(messages.map((message) => message.messageId));
    const failed = new Set<string>();
    for (const failure of reported) {
      const id = failure?.itemIdentifier;
      // Lambda fails the whole batch when an identifier is missing or names no message of the batch.
      if (typeof id !== 'string' || !ids.has(id)) return ids;
      failed.add(id);
    }
    return failed;
  }
}

function toRecord(message: QueueMessage, eventSourceARN: string, awsRegion: string): SQSRecord {
  return {
    messageId: message.messageId,
    receiptHandle: message.receiptHandle,
    body: message.body,
    attributes: message.attributes as unknown as SQSRecordAttributes,
    messageAttributes: {},
    md5OfBody: message.md5OfBody,
    eventSource: 'aws:sqs',
    eventSourceARN,
    awsRegion,
  };
}
