import { AwsServiceError } from '#infra/local/emulators/aws-service-error';
import { LocalQueue, type QueueClock, type SendMessageInput, type SendMessageResult } from './local-queue';
import { queueConfig } from './queue-config';

/**
 * A local SQS: named standard queues with the semantics of LocalQueue, and queue URLs of the form `http://127.0.0.1:<port>/000000000000/<name>`
 * once the HTTP server has given the endpoint. Visibility timeouts and delays run on real time, scaled by `timeScale` (default 1); a test can shrink them (e.g. 0.05).
 *
 * Given a `clock` (the local cloud's virtual clock), they run on that clock instead: a consumer that defers a
 * message with its visibility timeout ("not before the reminder window opens at 09:00") gets it back when the
 * clock reaches 09:00, also when an advance jumps there, because every such instant is registered with the
 * clock as a deadline it stops at.
 */

/** A clock that can jump forward: the local cloud's VirtualClock satisfies it. */
export interface SqsBusinessClock {
  nowMs(): number;
  sleepUntil(instant: number, signal?: AbortSignal): Promise<void>;
}

export interface LocalSqsOptions {
  region?: string;
  accountId?: string;
  /** Multiplies visibility timeouts, delays and retention (default 1). */
  timeScale?: number;
  /** Base of queue URLs until the HTTP server sets its own (default `http://127.0.0.1`). */
  endpoint?: string;
  /** Run visibility timeouts and delays on this clock instead of real time (see above). */
  clock?: SqsBusinessClock;
}

export class LocalSqs {
  readonly region: string;
  readonly accountId: string;
  private endpoint: string;
  private readonly queues = new Map<string, LocalQueue>();
  private readonly clock: QueueClock;
  private readonly wakeUps = new Map<number, Set<() => void>>();
  private readonly disposed = new AbortController();

  constructor(options: LocalSqsOptions = {}) {
    this.region = options.region ?? 'us-east-1';
    this.accountId = options.accountId ?? '000000000000';
    this.endpoint = options.endpoint ?? 'http://127.0.0.1';
    const business = options.clock;
    this.clock = business
      ? {
          now: () => business.nowMs(),
          timeScale: options.timeScale ?? 1,
          wakeAt: (instant, wake) => this.wakeAt(business, instant, wake),
        }
      : { now: Date.now, timeScale: options.timeScale ?? 1 };
  }

  /** Forgets the deadlines registered with the clock (they would only wake idle queues). */
  dispose(): void {
    this.disposed.abort();
    this.wakeUps.clear();
  }

  /** One clock deadline per instant, waking every queue that waits for it. */
  private wakeAt(clock: SqsBusinessClock, instant: number, wake: () => void): void {
    if (this.disposed.signal.aborted) return;
    const waiting = this.wakeUps.get(instant);
    if (waiting) {
      waiting.add(wake);
      return;
    }
    this.wakeUps.set(instant, new Set([wake]));
    clock.sleepUntil(instant, this.disposed.signal).then(
      () => {
        const wakes = this.wakeUps.get(instant) ?? new Set();
        this.wakeUps.delete(instant);
        for (const each of wakes) each();
      },
      () => undefined, // disposed
    );
  }

  setEndpoint(endpoint: string): void {
    this.endpoint = endpoint.replace(/\/$/, '');
  }

  /** Creates the queue (idempotent when the attributes match) and returns its URL. */
  createQueue(name: string, attributes: Readonly<Record<string, string>> = {}): string {
    const config = queueConfig(name, attributes, { region: this.region, accountId: this.accountId });
    const existing = this.queues.get(name);
    if (existing) {
      if (JSON.stringify(existing.config) !== JSON.stringify(config)) {
        throw new AwsServiceError(
          'QueueNameExists',
          `A queue already exists with the same name and a different value for attribute(s)`,
          {
            queryErrorCode: 'QueueAlreadyExists',
          },
        );
      }
      return this.queueUrl(name);
    }
    this.queues.set(name, new LocalQueue(config, this.clock, (arn) => this.queues.get(nameOf(arn))));
    return this.queueUrl(name);
  }

  queueUrl(name: string): string {
    this.queue(name);
    return `${this.endpoint}/${this.accountId}/${name}`;
  }

  queueArn(reference: string): string {
    return this.queue(reference).config.arn;
  }

  /** A queue by name, URL or ARN; QueueDoesNotExist otherwise. */
  queue(reference: string): LocalQueue {
    const queue = this.queues.get(nameOf(reference));
    if (!queue) {
      throw new AwsServiceError('QueueDoesNotExist', 'The specified queue does not exist.', {
        queryErrorCode: 'AWS.SimpleQueueService.NonExistentQueue',
      });
    }
    return queue;
  }

  sendMessage(reference: string, input: SendMessageInput): SendMessageResult {
    return this.queue(reference).send(input);
  }

  queueNames(): string[] {
    return [...this.queues.keys()];
  }
}

/** The queue name in a name, an ARN (`arn:aws:sqs:region:account:name`) or a URL (`.../account/name`). */
function nameOf(reference: string): string {
  if (reference.startsWith('arn:')) return reference.split(':').at(-1) ?? reference;
  if (/^https?:\/\//.test(reference))
    return new URL(reference).pathname.split('/').filter(Boolean).at(-1) ?? reference;
  return reference;
}

/** Waits for a change in the queue, at most `ms`, or until `signal` aborts. */
export async function waitForChange(
  queue: LocalQueue,
  ms: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(), Math.max(0, ms));
  const onAbort = () => stop.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await queue.whenChanged(stop.signal);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
