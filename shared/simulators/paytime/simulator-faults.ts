/**
 * Faults the Paytime simulator injects, consumed in order. API faults apply to the next matching calls
 * (by default any billet operation, not the login); webhook faults to the next webhooks sent.
 */

export type PaytimeOperation = 'login' | 'create' | 'get' | 'list' | 'cancel';

export const BILLET_OPERATIONS: readonly PaytimeOperation[] = ['create', 'get', 'list', 'cancel'];

export type ApiFault =
  /** Answer `status` (5xx) without doing the work, or after doing it when `afterWork`. */
  | { kind: 'server_error'; status: number; afterWork?: boolean }
  /** Never answer (the client times out); the socket is closed after `hangMs` or when the simulator stops. */
  | { kind: 'timeout'; hangMs?: number }
  /** Do the work (e.g. create the boleto), then lose the answer: reset the socket or hang. */
  | { kind: 'lose_response'; mode: 'reset' | 'hang' };

export type WebhookFault = 'drop' | 'duplicate';

interface QueuedApiFault {
  fault: ApiFault;
  operations: readonly PaytimeOperation[];
}

export class SimulatorFaults {
  /** Added before every API answer. */
  latencyMs = 0;
  private readonly api: QueuedApiFault[] = [];
  private readonly webhooks: WebhookFault[] = [];

  addApiFault(fault: ApiFault, count = 1, operations: readonly PaytimeOperation[] = BILLET_OPERATIONS): void {
    for (let index = 0; index < count; index += 1) this.api.push({ fault, operations });
  }

  /** The next fault for `operation`, removed from the queue. */
  takeApiFault(operation: PaytimeOperation): ApiFault | undefined {
    const index = this.api.findIndex((queued) => queued.operations.includes(operation));
    if (index < 0) return undefined;
    const [queued] = this.api.splice(index, 1);
    return queued?.fault;
  }

  addWebhookFault(fault: WebhookFault, count = 1): void {
    for (let index = 0; index < count; index += 1) this.webhooks.push(fault);
  }

  takeWebhookFault(): WebhookFault | undefined {
    return this.webhooks.shift();
  }

  snapshot(): { latencyMs: number; api: QueuedApiFault[]; webhooks: WebhookFault[] } {
    return { latencyMs: this.latencyMs, api: [...this.api], webhooks: [...this.webhooks] };
  }

  clear(): void {
    this.latencyMs = 0;
    this.api.length = 0;
    this.webhooks.length = 0;
  }
}

const OPERATIONS = new Set<string>(['login', ...BILLET_OPERATIONS]);

/**
 * Applies a `POST /_sim/paytime/faults` body:
 * `{ "fail_next": { "count": 2, "status": 503, "operations": ["get"], "after_work": false },
 *    "hang_next": { "count": 1, "hang_ms": 5000, "operations": ["create"] },
 *    "lose_next_create_responses": { "count": 1, "mode": "reset" },
 *    "latency_ms": 100, "drop_next_webhooks": 1, "duplicate_next_webhooks": 1 }`.
 * Returns an error message, or undefined when applied.
 */
export function applyFaultRequest(
  faults: SimulatorFaults,
  body: Record<string, unknown>,
): string | undefined {
  const problems: string[] = [];
  const countOf = (value: unknown): number | undefined => {
    const count = value === undefined ? 1 : Number(value);
    if (Number.isInteger(count) && count >= 1 && count <= 1000) return count;
    problems.push('count must be an integer from 1 to 1000');
    return undefined;
  };
  const operationsOf = (value: unknown): PaytimeOperation[] | undefined => {
    if (value === undefined) return undefined;
    if (Array.isArray(value) && value.every((item) => typeof item === 'string' && OPERATIONS.has(item))) {
      return value as PaytimeOperation[];
    }
    problems.push(`operations must be a list of ${[...OPERATIONS].join(', ')}`);
    return undefined;
  };
  const plan: Array<() => void> = [];
  const failNext = recordOf(body.fail_next);
  if (failNext) {
    const count = countOf(failNext.count);
    const status = failNext.status === undefined ? 500 : Number(failNext.status);
    if (!Number.isInteger(status) || status < 500 || status > 599)
      problems.push('fail_next.status must be 5xx');
    const operations = operationsOf(failNext.operations);
    const afterWork = failNext.after_work === true;
    plan.push(() => faults.addApiFault({ kind: 'server_error', status, afterWork }, count, operations));
  }
  const hangNext = recordOf(body.hang_next);
  if (hangNext) {
    const count = countOf(hangNext.count);
    const hangMs = hangNext.hang_ms === undefined ? undefined : Number(hangNext.hang_ms);
    const operations = operationsOf(hangNext.operations);
    plan.push(() => faults.addApiFault({ kind: 'timeout', hangMs }, count, operations));
  }
  const lose = recordOf(body.lose_next_create_responses);
  if (lose) {
    const count = countOf(lose.count);
    const mode = lose.mode === 'hang' ? 'hang' : 'reset';
    plan.push(() => faults.addApiFault({ kind: 'lose_response', mode }, count, ['create']));
  }
  if (body.latency_ms !== undefined) {
    const latency = Number(body.latency_ms);
    if (!Number.isInteger(latency) || latency < 0 || latency > 60_000)
      problems.push('latency_ms must be 0..60000');
    plan.push(() => {
      faults.latencyMs = latency;
    });
  }
  for (const [key, fault] of [
    ['drop_next_webhooks', 'drop'],
    ['duplicate_next_webhooks', 'duplicate'],
  ] as const) {
    if (body[key] === undefined) continue;
    const count = countOf(body[key]);
    plan.push(() => faults.addWebhookFault(fault, count));
  }
  if (problems.length > 0) return problems.join('; ');
  if (plan.length === 0) return 'no fault given';
  for (const step of plan) step();
  return undefined;
}

function recordOf(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
