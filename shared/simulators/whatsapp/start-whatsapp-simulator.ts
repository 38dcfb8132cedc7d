import { HeldResponses } from '#simulators/held-responses';
import { sendJson, startLoopbackServer } from '#simulators/http-io';
import { handleCloudApi } from './cloud-api-routes';
import { handleControl } from './control-routes';
import type { SendFault, WebhookFault } from './fault-queue';
import type { SimulatedInbound } from './inbound-messages';
import type { InboundResult, WhatsAppSimulatorOptions } from './simulator-engine';
import { WhatsAppSimulatorEngine } from './simulator-engine';
import type { ConversationRecord, OutboundRecord } from './simulator-store';
import type { WebhookDeliveryResult, WebhookSent } from './webhook-delivery';

export type { WhatsAppSimulatorOptions } from './simulator-engine';

/** In-process controls: the same operations as the `/_sim/whatsapp/*` routes, for tests and the local cloud. */
export interface WhatsAppSimulatorControls {
  sendInbound(input: SimulatedInbound): Promise<InboundResult>;
  outboundTo(phone: string): OutboundRecord[];
  conversation(phone: string): ConversationRecord[];
  failNextSends(fault: SendFault, count?: number): void;
  failNextWebhooks(fault: WebhookFault, count?: number): void;
  emitStatus(input: {
    messageId: string;
    status: 'sent' | 'delivered' | 'read' | 'failed';
    errorCode?: number;
  }): Promise<WebhookDeliveryResult>;
  nowMs(): number;
  setNow(nowMs: number): void;
  advanceClock(ms: number): void;
  setWebhookUrl(url: string | undefined): void;
  webhooksSent(): WebhookSent[];
  /** Resolves when background status callbacks have been delivered. */
  settle(): Promise<void>;
  reset(): void;
}

export interface RunningWhatsAppSimulator {
  /** Base URL (`http://127.0.0.1:<port>`): the Cloud API adapter's `baseUrl`. */
  url: string;
  controls: WhatsAppSimulatorControls;
  stop(): Promise<void>;
}

/** Starts the WhatsApp Cloud API simulator on 127.0.0.1 (port 0 = any free port). */
export async function startWhatsAppSimulator(
  options: WhatsAppSimulatorOptions & { port?: number },
): Promise<RunningWhatsAppSimulator> {
  const engine = new WhatsAppSimulatorEngine(options);
  const hangs = new HeldResponses();
  const server = await startLoopbackServer(
    options.port,
    async (request, response, url) => {
      if (await handleControl(engine, request, response, url)) return;
      if (await handleCloudApi(engine, request, response, url, hangs)) return;
      sendJson(response, 404, {
        error: { message: `Unknown path ${url.pathname}`, type: 'GraphMethodException', code: 100 },
      });
    },
    (response, error) => sendJson(response, 500, { error: { message: String(error), code: 1 } }),
  );
  const controls: WhatsAppSimulatorControls = {
    sendInbound: (input) => engine.sendInbound(input),
    outboundTo: (phone) => engine.outboundTo(phone),
    conversation: (phone) => engine.conversation(phone),
    failNextSends: (fault, count) => engine.sendFaults.add(fault, count),
    failNextWebhooks: (fault, count) => engine.failNextWebhooks(fault, count),
    emitStatus: (input) => engine.emitStatus(input),
    nowMs: () => engine.clock.nowMs(),
    setNow: (nowMs) => engine.clock.set(nowMs),
    advanceClock: (ms) => engine.clock.advance(ms),
    setWebhookUrl: (url) => {
      engine.webhooks.webhookUrl = url;
    },
    webhooksSent: () => engine.webhooksSent(),
    settle: () => engine.settle(),
    reset: () => engine.reset(),
  };
  return {
    url: server.url,
    controls,
    stop: async () => {
      hangs.destroyAll();
      await engine.settle();
      await server.close();
    },
  };
}
