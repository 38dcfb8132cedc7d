/**
 * Faults the simulator injects, consumed in order: the next N sends fail as told, and the next N webhooks
 * are dropped or delivered twice (Meta redelivers on its own schedule; duplicates must be harmless).
 */

export type SendFault =
  /** HTTP 429, code 130429 (throughput), with an optional Retry-After. */
  | { kind: 'rate_limit'; retryAfterSeconds?: number }
  /** HTTP 500, code 2 (temporary), `is_transient: true`. */
  | { kind: 'server_error' }
  /** The request is held and never answered (until the simulator stops or `hangMs` passes). */
  | { kind: 'timeout'; hangMs?: number }
  /** HTTP 400 (401/403 for auth codes) with Meta's error body for `code`. */
  | { kind: 'permanent'; code: number };

export type WebhookFault = { kind: 'drop' } | { kind: 'duplicate' };

export class FaultQueue<Fault> {
  private readonly queue: Fault[] = [];

  add(fault: Fault, count = 1): void {
    for (let index = 0; index < count; index += 1) this.queue.push(fault);
  }

  next(): Fault | undefined {
    return this.queue.shift();
  }

  pending(): number {
    return this.queue.length;
  }

  clear(): void {
    this.queue.length = 0;
  }
}

/** Reads a fault request body (`{ kind, count?, code?, retryAfterSeconds?, hangMs?, target? }`). */
export function parseFaultRequest(
  body: Record<string, unknown>,
):
  | { target: 'send'; fault: SendFault; count: number }
  | { target: 'webhook'; fault: WebhookFault; count: number }
  | string {
  const count = body.count === undefined ? 1 : Number(body.count);
  if (!Number.isInteger(count) || count < 1 || count > 1000) return 'count must be an integer from 1 to 1000';
  const kind = String(body.kind);
  if (body.target === 'webhook') {
    if (kind === 'drop' || kind === 'duplicate') return { target: 'webhook', fault: { kind }, count };
    return "webhook faults are 'drop' or 'duplicate'";
  }
  switch (kind) {
    case 'rate_limit':
    case '429': {
      const retryAfter = body.retryAfterSeconds === undefined ? undefined : Number(body.retryAfterSeconds);
      return { target: 'send', fault: { kind: 'rate_limit', retryAfterSeconds: retryAfter }, count };
    }
    case 'server_error':
    case '500':
      return { target: 'send', fault: { kind: 'server_error' }, count };
    case 'timeout': {
      const hangMs = body.hangMs === undefined ? undefined : Number(body.hangMs);
      return { target: 'send', fault: { kind: 'timeout', hangMs }, count };
    }
    case 'permanent':
      if (!Number.isInteger(body.code)) return "a 'permanent' fault needs a Meta error code";
      return { target: 'send', fault: { kind: 'permanent', code: body.code as number }, count };
    default:
      return "kind must be 'rate_limit' (429), 'server_error' (500), 'timeout' or 'permanent'";
  }
}
