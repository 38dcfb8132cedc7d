import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AwsServiceError } from '#infra/local/emulators/aws-service-error';
import { invalidParameter, type QueueConfig, validateSend } from './queue-config';

/**
 * One standard SQS queue, as IRIS uses it: send (with an optional delay), receive, delete, change visibility,
 * redrive. A received message stays invisible for the visibility timeout; its ApproximateReceiveCount grows on
 * every receive, and once it has reached the redrive policy's maxReceiveCount the next receive moves it to the
 * dead-letter queue instead. Durations run on `now()` scaled by `timeScale` (visibility timeouts, delays,
 * retention). The stack creates no FIFO queue, so there is none here.
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

export interface SendMessageInput {
  body: string;
  delaySeconds?: number;
}

export interface SendMessageResult {
  messageId: string;
  md5OfBody: string;
}

/** A received message, as of its receipt. */
export interface QueueMessage {
  messageId: string;
  receiptHandle: string;
  body: string;
  md5OfBody: string;
  /** System attributes, as SQS names them (SentTimestamp, ApproximateReceiveCount...). */
  attributes: Record<string, string>;
}

interface StoredMessage {
  messageId: string;
  body: string;
  md5OfBody: string;
  sentAt: number;
  visibleAt: number;
  receiveCount: number;
  firstReceivedAt: number | undefined;
  receiptHandle: string | undefined;
  deadLetterSourceArn: string | undefined;
}

export class LocalQueue {
  private messages: StoredMessage[] = [];
  private readonly receipts = new Map<string, StoredMessage>();
  private readonly changeWaiters = new Set<() => void>();

  constructor(
    readonly config: QueueConfig,
    private readonly clock: QueueClock,
    private readonly deadLetterQueue: (arn: string) => LocalQueue | undefined,
  ) {}

  send(input: SendMessageInput): SendMessageResult {
    const now = this.clock.now();
    validateSend(input.body, input.delaySeconds);
    const message: StoredMessage = {
      messageId: randomUUID(),
      body: input.body,
      // The SDK checks MD5OfMessageBody on SendMessage, so it must be exact.
      md5OfBody: createHash('md5').update(input.body, 'utf8').digest('hex'),
      sentAt: now,
      visibleAt: now + this.scaled(input.delaySeconds ?? 0),
      receiveCount: 0,
      firstReceivedAt: undefined,
      receiptHandle: undefined,
      deadLetterSourceArn: undefined,
    };
    this.messages.push(message);
    this.scheduleWake(message.visibleAt, now);
    this.changed();
    return { messageId: message.messageId, md5OfBody: message.md5OfBody };
  }

  /** Takes up to `max` visible messages, makes them invisible and returns them; never waits. */
  receive(max: number, visibilityTimeoutSeconds = this.config.visibilityTimeoutSeconds): QueueMessage[] {
    const now = this.clock.now();
    this.dropExpired(now);
    const received: QueueMessage[] = [];
    for (const message of [...this.messages]) {
      if (received.length >= max) break;
      if (message.visibleAt > now || this.redrive(message)) continue;
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
        { queryErrorCode: 'AWS.SimpleQueueService.MessageNotInflight' },
      );
    }
    message.visibleAt = now + this.scaled(visibilityTimeoutSeconds);
    this.scheduleWake(message.visibleAt, now);
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
    target.messages.push({
      ...message,
      visibleAt: this.clock.now(),
      receiptHandle: undefined,
      deadLetterSourceArn: this.config.arn,
    });
    target.changed();
    return true;
  }

  private remove(message: StoredMessage): void {
    this.messages = this.messages.filter((candidate) => candidate !== message);
    for (const [handle, owner] of this.receipts) if (owner === message) this.receipts.delete(handle);
  }

  private dropExpired(now: number): void {
    const retention = this.scaled(this.config.messageRetentionSeconds);
    for (const message of this.messages) if (now - message.sentAt > retention) this.remove(message);
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

function snapshot(message: StoredMessage): QueueMessage {
  return {
    messageId: message.messageId,
    receiptHandle: message.receiptHandle ?? '',
    body: message.body,
    md5OfBody: message.md5OfBody,
    attributes: {
      SenderId: 'AIDALOCALSQSSENDER0000',
      SentTimestamp: String(message.sentAt),
      ApproximateReceiveCount: String(message.receiveCount),
      ApproximateFirstReceiveTimestamp: String(message.firstReceivedAt ?? message.sentAt),
      ...(message.deadLetterSourceArn !== undefined && {
        DeadLetterQueueSourceArn: message.deadLetterSourceArn,
      }),
    },
  };
}

function receiptHandleIsInvalid(receiptHandle: string): AwsServiceError {
  return new AwsServiceError(
    'ReceiptHandleIsInvalid',
    `The input receipt handle "${receiptHandle}" is not a valid receipt handle.`,
    { queryErrorCode: 'ReceiptHandleIsInvalid' },
  );
}
