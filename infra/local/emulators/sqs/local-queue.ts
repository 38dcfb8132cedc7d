import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AwsServiceError } from '#infra/local/emulators/aws-service-error';
import { md5OfBody, md5OfMessageAttributes } from './message-md5';
import { configAttributes, invalidParameter, type QueueConfig } from './queue-config';
import {
  type QueueMessage,
  type SendMessageInput,
  type SendMessageResult,
  type StoredMessage,
  snapshot,
  validateSend,
} from './queue-message';

export type { QueueMessage, SendMessageInput, SendMessageResult } from './queue-message';

/**
 * One SQS queue's messages. Standard queues deliver any visible message; FIFO queues deliver a message group in
 * order and never while an earlier message of that group is in flight or delayed. A received message stays
 * invisible for the visibility timeout; its ApproximateReceiveCount grows on every receive, and once it exceeds
 * the redrive policy's maxReceiveCount the next receive moves it to the dead-letter queue instead. FIFO sends
 * are de-duplicated for 5 minutes by MessageDeduplicationId (or the body's SHA-256 with content-based
 * deduplication). Durations run on `now()` scaled by `timeScale` (visibility timeouts, delays, retention);
 * the 5-minute de-duplication window is never scaled.
 */

export interface QueueClock {
  now: () => number;
  /** Multiplies every queue duration (1 = as configured; 0.01 turns a 30 s visibility timeout into 300 ms). */
  timeScale: number;
  /**
   * Told every instant at which a message becomes visible again (delays, visibility timeouts), so a clock that
   * can jump (the local cloud's virtual clock) wakes the queue there; calls `wake` once that instant has come.
   */
  wakeAt?: (instant: number, wake: () => void) => void;
}

const DEDUPLICATION_WINDOW_MS = 5 * 60_000;

export class LocalQueue {
  private messages: StoredMessage[] = [];
  private readonly receipts = new Map<string, StoredMessage>();
  private readonly deduplication = new Map<string, { at: number; result: SendMessageResult }>();
  private sequence = 0n;
  private readonly changeWaiters = new Set<() => void>();
  readonly createdAt: number;

  constructor(
    public config: QueueConfig,
    private readonly clock: QueueClock,
    private readonly deadLetterQueue: (arn: string) => LocalQueue | undefined,
  ) {
    this.createdAt = clock.now();
  }

  send(input: SendMessageInput): SendMessageResult {
    const now = this.clock.now();
    validateSend(input, this.config);
    const attributes = input.messageAttributes ?? {};
    const deduplicationId = this.config.fifo
      ? (input.messageDeduplicationId ?? createHash('sha256').update(input.body).digest('hex'))
      : undefined;
    // De-duplication scope is the whole queue (SQS's default DeduplicationScope).
    const dedupKey = deduplicationId;
    const previous = dedupKey === undefined ? undefined : this.deduplication.get(dedupKey);
    if (previous && now - previous.at < DEDUPLICATION_WINDOW_MS) {
      // Accepted but not enqueued: the original message's id, digests of what this request sent.
      const md5 = md5OfMessageAttributes(attributes);
      const { md5OfMessageAttributes: _previousMd5, ...original } = previous.result;
      return { ...original, md5OfBody: md5OfBody(input.body), ...(md5 && { md5OfMessageAttributes: md5 }) };
    }
    const delaySeconds = input.delaySeconds ?? this.config.delaySeconds;
    const message: StoredMessage = {
      messageId: randomUUID(),
      body: input.body,
      md5OfBody: md5OfBody(input.body),
      md5OfMessageAttributes: md5OfMessageAttributes(attributes),
      messageAttributes: structuredClone(attributes),
      sentAt: now,
      visibleAt: now + this.scaled(delaySeconds),
      receiveCount: 0,
      firstReceivedAt: undefined,
      receiptHandle: undefined,
      groupId: this.config.fifo ? input.messageGroupId : undefined,
      deduplicationId,
      sequenceNumber: this.config.fifo ? this.nextSequenceNumber() : undefined,
      deadLetterSourceArn: undefined,
    };
    this.messages.push(message);
    this.scheduleWake(message.visibleAt, now);
    const result: SendMessageResult = {
      messageId: message.messageId,
      md5OfBody: message.md5OfBody,
      ...(message.md5OfMessageAttributes && { md5OfMessageAttributes: message.md5OfMessageAttributes }),
      ...(message.sequenceNumber && { sequenceNumber: message.sequenceNumber }),
    };
    if (dedupKey !== undefined) this.deduplication.set(dedupKey, { at: now, result });
    this.changed();
    return result;
  }

  /** Takes up to `max` visible messages, makes them invisible and returns them; never waits. */
  receive(max: number, visibilityTimeoutSeconds = this.config.visibilityTimeoutSeconds): QueueMessage[] {
    const now = this.clock.now();
    this.dropExpired(now);
    const received: QueueMessage[] = [];
    const blockedGroups = new Set<string>();
    for (const message of [...this.messages]) {
      if (received.length >= max) break;
      const group = message.groupId;
      if (group !== undefined && blockedGroups.has(group)) continue;
      if (message.visibleAt > now) {
        if (group !== undefined) blockedGroups.add(group);
        continue;
      }
      if (this.redrive(message)) continue;
      message.receiveCount += 1;
      message.firstReceivedAt ??= now;
      message.visibleAt = now + this.scaled(visibilityTimeoutSeconds);
      this.scheduleWake(message.visibleAt, now);
      message.receiptHandle = randomBytes(48).toString('base64url');
      this.receipts.set(message.receiptHandle, message);
      received.push(snapshot(message));
    }
    return received;
  }

  delete(receiptHandle: string): void {
    const message = this.receipts.get(receiptHandle);
    if (!message) throw receiptHandleIsInvalid(receiptHandle);
    // Like SQS: a stale handle (the message was received again since) succeeds but deletes nothing.
    if (message.receiptHandle !== receiptHandle) return;
    this.remove(message);
    this.changed();
  }

  changeVisibility(receiptHandle: string, visibilityTimeoutSeconds: number): void {
    const message = this.receipts.get(receiptHandle);
    if (!message) throw receiptHandleIsInvalid(receiptHandle);
    if (
      !Number.isInteger(visibilityTimeoutSeconds) ||
      visibilityTimeoutSeconds < 0 ||
      visibilityTimeoutSeconds > 43_200
    ) {
      throw invalidParameter('VisibilityTimeout must be an integer between 0 and 43200');
    }
    const now = this.clock.now();
    if (message.receiptHandle !== receiptHandle || message.visibleAt <= now) {
      throw new AwsServiceError(
        'MessageNotInflight',
        'Message does not exist or is not available for visibility timeout change',
        {
          queryErrorCode: 'AWS.SimpleQueueService.MessageNotInflight',
        },
      );
    }
    message.visibleAt = now + this.scaled(visibilityTimeoutSeconds);
    this.scheduleWake(message.visibleAt, now);
    this.changed();
  }

  purge(): void {
    for (const message of [...this.messages]) this.remove(message);
    this.changed();
  }

  /** Moves a message here from a source queue whose redrive policy gave up on it. */
  acceptDeadLetter(message: StoredMessage, sourceArn: string): void {
    const now = this.clock.now();
    this.messages.push({
      ...message,
      visibleAt: now,
      receiptHandle: undefined,
      deadLetterSourceArn: sourceArn,
      sequenceNumber: this.config.fifo ? this.nextSequenceNumber() : undefined,
    });
    this.changed();
  }

  counts(): { visible: number; inFlight: number; delayed: number } {
    const now = this.clock.now();
    let visible = 0;
    let inFlight = 0;
    let delayed = 0;
    for (const message of this.messages) {
      if (message.visibleAt <= now) visible += 1;
      else if (message.receiveCount > 0) inFlight += 1;
      else delayed += 1;
    }
    return { visible, inFlight, delayed };
  }

  attributes(): Record<string, string> {
    const { visible, inFlight, delayed } = this.counts();
    return {
      ...configAttributes(this.config),
      ApproximateNumberOfMessages: String(visible),
      ApproximateNumberOfMessagesNotVisible: String(inFlight),
      ApproximateNumberOfMessagesDelayed: String(delayed),
      CreatedTimestamp: String(Math.floor(this.createdAt / 1000)),
      LastModifiedTimestamp: String(Math.floor(this.createdAt / 1000)),
    };
  }

  /** The queue's now (ms since the epoch): real time, or the clock the queue was given. */
  now(): number {
    return this.clock.now();
  }

  /** When the next invisible message becomes visible (ms on the queue's clock), if any. */
  nextVisibleAt(): number | undefined {
    const now = this.clock.now();
    let next: number | undefined;
    for (const message of this.messages) {
      if (message.visibleAt > now && (next === undefined || message.visibleAt < next))
        next = message.visibleAt;
    }
    return next;
  }

  /** Resolves at the next send, delete, visibility change or dead-letter arrival (or when `signal` aborts). */
  whenChanged(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.changeWaiters.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      if (signal?.aborted) return resolve();
      this.changeWaiters.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  private redrive(message: StoredMessage): boolean {
    const policy = this.config.redrivePolicy;
    if (!policy || message.receiveCount < policy.maxReceiveCount) return false;
    const target = this.deadLetterQueue(policy.deadLetterTargetArn);
    if (!target) return false;
    this.remove(message);
    target.acceptDeadLetter(message, this.config.arn);
    return true;
  }

  private remove(message: StoredMessage): void {
    this.messages = this.messages.filter((candidate) => candidate !== message);
    for (const [handle, owner] of this.receipts) if (owner === message) this.receipts.delete(handle);
  }

  private dropExpired(now: number): void {
    const retention = this.scaled(this.config.messageRetentionSeconds);
    for (const message of this.messages) if (now - message.sentAt > retention) this.remove(message);
    for (const [key, entry] of this.deduplication) {
      if (now - entry.at >= DEDUPLICATION_WINDOW_MS) this.deduplication.delete(key);
    }
  }

  private nextSequenceNumber(): string {
    this.sequence += 1n;
    return (BigInt(this.clock.now()) * 1_000_000n + this.sequence).toString().padStart(20, '0');
  }

  private scaled(seconds: number): number {
    return Math.round(seconds * 1000 * this.clock.timeScale);
  }

  private scheduleWake(visibleAt: number, now: number): void {
    if (visibleAt > now) this.clock.wakeAt?.(visibleAt, () => this.changed());
  }

  private changed(): void {
    for (const resolve of [...this.changeWaiters]) resolve();
  }
}

function receiptHandleIsInvalid(receiptHandle: string): AwsServiceError {
  return new AwsServiceError(
    'ReceiptHandleIsInvalid',
    `The input receipt handle "${receiptHandle}" is not a valid receipt handle.`,
    {
      queryErrorCode: 'ReceiptHandleIsInvalid',
    },
  );
}
