import { HeldResponses } from '#simulators/held-responses';
import { BodyTooLargeError, sendJson, startLoopbackServer } from '#simulators/http-io';
import { handlePaytimeApi } from './api-routes';
import type { SimulatedBillet } from './billet-store';
import { handlePaytimeControl } from './control-routes';
import type { PaytimeSimulatorCredentials } from './simulator-auth';
import { DEFAULT_SIMULATOR_CREDENTIALS } from './simulator-auth';
import {
  PaytimeSimulatorEngine,
  type PaytimeSimulatorOptions,
  type RequestLogEntry,
} from './simulator-engine';
import type { PaytimeOperation } from './simulator-faults';
import type { PaytimeWebhookConfig, WebhookDelivery } from './webhook-dispatcher';

export type { SimulatedBillet } from './billet-store';
export type { PaytimeSimulatorCredentials } from './simulator-auth';
export { DEFAULT_SIMULATOR_CREDENTIALS } from './simulator-auth';
export type { PaytimeSimulatorOptions, RequestLogEntry } from './simulator-engine';
export type { PaytimeOperation } from './simulator-faults';
export type { PaytimeWebhookConfig, WebhookDelivery } from './webhook-dispatcher';

/** In-process controls: the same operations as the `/_sim/paytime/*` routes, for tests and the local cloud. */
export interface PaytimeSimulatorControls {
  /** Every billet issued, in Paytime's JSON shape. */
  boletos(): SimulatedBillet[];
  boleto(id: string): SimulatedBillet | undefined;
  /** PROCESSING → PENDING now (barcode, digitable line, PDF URL, Pix EMV appear) + webhook. */
  completeProcessing(id: string): SimulatedBillet;
  /** PENDING → PAID with `amountCents` (default: the full amount) + webhook. */
  pay(id: string, amountCents?: number): SimulatedBillet;
  expire(id: string): SimulatedBillet;
  fail(id: string): SimulatedBillet;
  /** The next `count` calls (default: any billet operation) answer `status` (default 500). */
  failNext(
    count: number,
    options?: { status?: number; operations?: PaytimeOperation[]; afterWork?: boolean },
  ): void;
  /** The next `count` calls are never answered (the client times out). */
  hangNext(count: number, options?: { hangMs?: number; operations?: PaytimeOperation[] }): void;
  /** The next `count` creates create the billet, then lose the answer (socket reset, or hang). */
  loseNextCreateResponses(count: number, mode?: 'reset' | 'hang'): void;
  setLatency(ms: number): void;
  dropNextWebhooks(count: number): void;
  duplicateNextWebhooks(count: number): void;
  clearFaults(): void;
  setWebhook(config: PaytimeWebhookConfig | undefined): void;
  setSandboxAmountRules(enabled: boolean): void;
  webhookDeliveries(): WebhookDelivery[];
  /** API calls received (login included), with what was answered. */
  requests(): RequestLogEntry[];
  loginCount(): number;
  /** Tokens issued so far are refused from now on (clients must log in again). */
  revokeTokens(): void;
  advanceClock(ms: number): void;
  /** Resolves once queued webhooks are delivered or given up. */
  settle(): Promise<void>;
  reset(): void;
}

export interface RunningPaytimeSimulator {
  /** Base URL (`http://127.0.0.1:<port>`): the adapter's `baseUrl`. */
  url: string;
  credentials: PaytimeSimulatorCredentials;
  controls: PaytimeSimulatorControls;
  stop(): Promise<void>;
}

/** Starts the Paytime simulator on 127.0.0.1 (port 0 = any free port). */
export async function startPaytimeSimulator(
  options: PaytimeSimulatorOptions & { port?: number } = {},
): Promise<RunningPaytimeSimulator> {
  const engine = new PaytimeSimulatorEngine(options);
  const holder = new HeldResponses();
  const server = await startLoopbackServer(
    options.port,
    async (request, response, url) => {
      if (await handlePaytimeControl(engine, request, response, url)) return;
      if (await handlePaytimeApi(engine, request, response, url, holder)) return;
      sendJson(response, 404, { statusCode: 404, message: `Cannot ${request.method} ${url.pathname}` });
    },
    (response, error) => {
      if (error instanceof BodyTooLargeError)
        sendJson(response, 413, { statusCode: 413, message: error.message });
      else sendJson(response, 500, { statusCode: 500, message: String(error) });
    },
  );
  const { url } = server;
  engine.publicUrl = url;
  const { faults } = engine;
  const controls: PaytimeSimulatorControls = {
    boletos: () => engine.store.all().map((billet) => structuredClone(billet)),
    boleto: (id) => engine.get(id),
    completeProcessing: (id) => engine.completeProcessing(id),
    pay: (id, amountCents) => engine.pay(id, amountCents),
    expire: (id) => engine.expire(id),
    fail: (id) => engine.fail(id),
    failNext: (count, failOptions = {}) =>
      faults.addApiFault(
        { kind: 'server_error', status: failOptions.status ?? 500, afterWork: failOptions.afterWork },
        count,
        failOptions.operations,
      ),
    hangNext: (count, hangOptions = {}) =>
      faults.addApiFault({ kind: 'timeout', hangMs: hangOptions.hangMs }, count, hangOptions.operations),
    loseNextCreateResponses: (count, mode = 'reset') =>
      faults.addApiFault({ kind: 'lose_response', mode }, count, ['create']),
    setLatency: (ms) => {
      faults.latencyMs = ms;
    },
    dropNextWebhooks: (count) => faults.addWebhookFault('drop', count),
    duplicateNextWebhooks: (count) => faults.addWebhookFault('duplicate', count),
    clearFaults: () => faults.clear(),
    setWebhook: (config) => {
      engine.webhooks.config = config;
    },
    setSandboxAmountRules: (enabled) => {
      engine.sandboxAmountRules = enabled;
    },
    webhookDeliveries: () => structuredClone(engine.webhooks.deliveries),
    requests: () => [...engine.requestLog],
    loginCount: () => engine.auth.loginCount,
    revokeTokens: () => engine.auth.revokeAll(),
    advanceClock: (ms) => engine.advanceClock(ms),
    settle: () => engine.settle(),
    reset: () => engine.reset(),
  };
  return {
    url,
    credentials: { ...DEFAULT_SIMULATOR_CREDENTIALS, ...options.credentials },
    controls,
    stop: async () => {
      engine.cancelTimers();
      holder.destroyAll();
      await engine.settle();
      await server.close();
    },
  };
}
