import type { SimulatedBillet } from './billet-store';
import type { SimulatorFaults } from './simulator-faults';

/**
 * Paytime's webhook delivery as documented: `POST` of `{ event, event_date, data }` to the registered URL,
 * unsigned, with HTTP Basic auth when a user/password is registered; the receiver has 1 second to answer
 * 2xx, and a failed event is tried again "within a few instants", at most 3 tries in all, then given up.
 * Deliveries go out one after another in the order the events happened.
 */

export interface PaytimeWebhookConfig {
  url: string;
  basicUser?: string;
  basicPassword?: string;
  /** Default 1000 ms. */
  timeoutMs?: number;
  /** Default 3. */
  maxAttempts?: number;
  /** Pause between tries. Default 100 ms. */
  retryDelayMs?: number;
}

export interface WebhookAttempt {
  /** HTTP status, or null when the receiver timed out or could not be reached. */
  status: number | null;
  error?: string;
}

export interface WebhookDelivery {
  event: 'updated-billet-status';
  billetId: string;
  billetStatus: string;
  body: string;
  /** `dropped` (fault: never sent), `delivered` (a 2xx), `failed` (all tries failed), `no_url`. */
  outcome: 'delivered' | 'failed' | 'dropped' | 'no_url';
  attempts: WebhookAttempt[];
  /** True for the extra copy a `duplicate` fault sends. */
  duplicate: boolean;
}

export class WebhookDispatcher {
  readonly deliveries: WebhookDelivery[] = [];
  private chain: Promise<void> = Promise.resolve();

  constructor(
    public config: PaytimeWebhookConfig | undefined,
    private readonly faults: SimulatorFaults,
    private readonly nowMs: () => number,
  ) {}

  /** Queues an `updated-billet-status` event with a snapshot of the billet; returns when it is settled. */
  billetStatusChanged(billet: SimulatedBillet): Promise<void> {
    const body = JSON.stringify({
      event: 'updated-billet-status',
      event_date: new Date(this.nowMs()).toISOString(),
      data: billet,
    });
    const fault = this.faults.takeWebhookFault();
    const base = {
      event: 'updated-billet-status' as const,
      billetId: billet._id,
      billetStatus: billet.status,
      body,
    };
    this.chain = this.chain.then(async () => {
      if (fault === 'drop') {
        this.deliveries.push({ ...base, outcome: 'dropped', attempts: [], duplicate: false });
        return;
      }
      await this.deliver(base, false);
      if (fault === 'duplicate') await this.deliver(base, true);
    });
    return this.chain;
  }

  /** Resolves once every queued event has been delivered or given up. */
  settle(): Promise<void> {
    return this.chain;
  }

  clear(): void {
    this.deliveries.length = 0;
  }

  private async deliver(
    base: Pick<WebhookDelivery, 'event' | 'billetId' | 'billetStatus' | 'body'>,
    duplicate: boolean,
  ): Promise<void> {
    const config = this.config;
    if (!config) {
      this.deliveries.push({ ...base, outcome: 'no_url', attempts: [], duplicate });
      return;
    }
    const delivery: WebhookDelivery = { ...base, outcome: 'failed', attempts: [], duplicate };
    this.deliveries.push(delivery);
    const maxAttempts = config.maxAttempts ?? 3;
    for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
      const result = await postOnce(config, base.body);
      delivery.attempts.push(result);
      if (result.status !== null && result.status >= 200 && result.status <= 299) {
        delivery.outcome = 'delivered';
        return;
      }
      if (attempt < maxAttempts) await pause(config.retryDelayMs ?? 100);
    }
  }
}

async function postOnce(config: PaytimeWebhookConfig, body: string): Promise<WebhookAttempt> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'Paytime-Webhooks',
  };
  if (config.basicUser !== undefined) {
    const credentials = Buffer.from(`${config.basicUser}:${config.basicPassword ?? ''}`).toString('base64');
    headers.authorization = `Basic ${credentials}`;
  }
  try {
    const response = await fetch(config.url, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(config.timeoutMs ?? 1000),
    });
    await response.arrayBuffer();
    return { status: response.status };
  } catch (error) {
    return {
      status: null,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    };
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, ms);
  });
}
