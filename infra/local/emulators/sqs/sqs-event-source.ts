import type {
  SQSBatchResponse,
  SQSEvent,
  SQSMessageAttributes,
  SQSRecord,
  SQSRecordAttributes,
} from 'aws-lambda';
import {
  createLambdaContext,
  invokeLocalHandler,
  type LocalLambdaHandler,
} from '#infra/local/emulators/lambda-context';
import type { LocalQueue, QueueMessage } from './local-queue';
import { type LocalSqs, waitForChange } from './local-sqs';

/**
 * What Lambda's SQS event source mapping does, in-process: poll a queue, hand batches to the handler as real
 * `SQSEvent`s, delete what succeeded. With ReportBatchItemFailures (default on, as the stack configures), the
 * messages named in `batchItemFailures` stay and come back after their visibility timeout (an unknown or empty
 * itemIdentifier fails the whole batch, as in Lambda); a thrown error fails the whole batch. On a FIFO queue,
 * once a message of a group fails, every later message of that group in the batch is treated as failed too, so
 * the group's order holds. Batches run one at a time (AWS would run standard-queue batches concurrently).
 * Redrive to the DLQ is the queue's own redrive policy, applied on receive.
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
  /** How long to keep gathering a batch once its first message arrived (default 0: invoke at once). */
  maximumBatchingWindowMs?: number;
  /** The mapping's FunctionResponseTypes includes ReportBatchItemFailures (default true). */
  reportBatchItemFailures?: boolean;
  /** Called with a handler's thrown error (default: console.error). */
  onError?: (error: unknown) => void;
}

export interface SqsEventSourceStats {
  batches: number;
  deleted: number;
  failed: number;
}

const IDLE_POLL_MS = 10;

export class SqsEventSource {
  readonly stats: SqsEventSourceStats = { batches: 0, deleted: 0, failed: 0 };
  private readonly options: Required<Omit<SqsEventSourceOptions, 'functionName' | 'onError'>> &
    Pick<SqsEventSourceOptions, 'functionName' | 'onError'>;
  private running: Promise<void> | undefined;
  private stopper = new AbortController();
  private busy = false;

  constructor(options: SqsEventSourceOptions) {
    this.options = { batchSize: 10, maximumBatchingWindowMs: 0, reportBatchItemFailures: true, ...options };
  }

  start(): this {
    if (this.running) return this;
    this.stopper = new AbortController();
    this.running = this.loop(this.stopper.signal);
    return this;
  }

  async stop(): Promise<void> {
    this.stopper.abort();
    await this.running;
    this.running = undefined;
  }

  /** No batch running and no visible message waiting (messages waiting out a visibility timeout don't count). */
  idle(): Promise<void> {
    return this.until(() => !this.busy && this.queue().counts().visible === 0);
  }

  /** The queue is completely empty (nothing visible, in flight or delayed) and no batch is running. */
  drain(): Promise<void> {
    return this.until(() => {
      const { visible, inFlight, delayed } = this.queue().counts();
      return !this.busy && visible + inFlight + delayed === 0;
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
        // The queue disappeared (deleted) or the emulator failed: report and keep polling, as Lambda would.
        this.busy = false;
        this.reportError(error);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  }

  private async pollOnce(signal: AbortSignal): Promise<void> {
    this.busy = true;
    const messages = this.take(this.options.batchSize);
    if (messages.length === 0) {
      this.busy = false;
      await this.waitForMessages(signal);
      return;
    }
    try {
      await this.gatherWindow(messages, signal);
      await this.invoke(messages);
    } finally {
      this.busy = false;
    }
  }

  private reportError(error: unknown): void {
    (this.options.onError ?? ((thrown) => console.error('SQS event source handler failed', thrown)))(error);
  }

  private take(count: number): QueueMessage[] {
    const taken: QueueMessage[] = [];
    while (taken.length < count) {
      const received = this.queue().receive(Math.min(10, count - taken.length));
      if (received.length === 0) break;
      taken.push(...received);
    }
    return taken;
  }

  private async gatherWindow(messages: QueueMessage[], signal: AbortSignal): Promise<void> {
    const until = Date.now() + this.options.maximumBatchingWindowMs;
    while (messages.length < this.options.batchSize && Date.now() < until && !signal.aborted) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(IDLE_POLL_MS, until - Date.now())));
      messages.push(...this.take(this.options.batchSize - messages.length));
    }
  }

  private waitForMessages(signal: AbortSignal): Promise<void> {
    const queue = this.queue();
    const wakeAt = queue.nextVisibleAt();
    // On the queue's clock (which may be virtual); at most a second, so nothing is missed for long.
    return waitForChange(queue, wakeAt === undefined ? 1_000 : Math.min(wakeAt - queue.now(), 1_000), signal);
  }

  private async invoke(messages: QueueMessage[]): Promise<void> {
    const queue = this.queue();
    const event: SQSEvent = {
      Records: messages.map((message) => toRecord(message, queue.config.arn, this.region())),
    };
    const context = createLambdaContext({
      functionName: this.options.functionName ?? `${queue.config.name.replace('.fifo', '')}-consumer`,
      region: this.region(),
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
    if (queue.config.fifo) failed = holdGroupOrder(messages, failed);
    for (const message of messages) {
      if (failed.has(message.messageId)) {
        this.stats.failed += 1;
        continue;
      }
      try {
        queue.delete(message.receiptHandle);
        this.stats.deleted += 1;
      } catch {
        // The queue was purged or deleted meanwhile: nothing left to delete.
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

  private region(): string {
    return this.options.sqs.region;
  }
}

function holdGroupOrder(messages: QueueMessage[], failed: Set<string>): Set<string> {
  const held = new Set(failed);
  const brokenGroups = new Set<string>();
  for (const message of messages) {
    const group = message.attributes.MessageGroupId ?? '';
    if (brokenGroups.has(group)) held.add(message.messageId);
    else if (held.has(message.messageId)) brokenGroups.add(group);
  }
  return held;
}

export function toRecord(message: QueueMessage, eventSourceARN: string, awsRegion: string): SQSRecord {
  const messageAttributes: SQSMessageAttributes = {};
  for (const [name, value] of Object.entries(message.messageAttributes)) {
    messageAttributes[name] = {
      ...(value.StringValue !== undefined && { stringValue: value.StringValue }),
      ...(value.BinaryValue !== undefined && { binaryValue: value.BinaryValue }),
      stringListValues: [],
      binaryListValues: [],
      dataType: value.DataType,
    };
  }
  return {
    messageId: message.messageId,
    receiptHandle: message.receiptHandle,
    body: message.body,
    attributes: message.attributes as unknown as SQSRecordAttributes,
    messageAttributes,
    md5OfBody: message.md5OfBody,
    ...(message.md5OfMessageAttributes && { md5OfMessageAttributes: message.md5OfMessageAttributes }),
    eventSource: 'aws:sqs',
    eventSourceARN,
    awsRegion,
  };
}
