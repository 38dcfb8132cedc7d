import { createHash } from 'node:crypto';
import type { Clock } from '#application/ports/clock';
import { FaultQueue, type SendFault, type WebhookFault } from './fault-queue';
import { cloudApiMessage, contentOf, type SimulatedInbound } from './inbound-messages';
import { type GraphErrorResponse, graphError, statusError } from './meta-errors';
import { FREE_FORM_TYPES, validateSendRequest } from './outbound-validation';
import { waIdOf } from './recipient-key';
import { SimulatorClock } from './simulator-clock';
import { type ConversationRecord, type OutboundRecord, SimulatorStore } from './simulator-store';
import { WebhookDelivery, type WebhookDeliveryResult, type WebhookSent } from './webhook-delivery';
import { type BusinessNumber, inboundMessagePayload, metaJson, statusPayload } from './webhook-payloads';

export interface WhatsAppSimulatorOptions {
  appSecret: string;
  phoneNumberId: string;
  /** The business number as Meta displays it in webhooks (digits, e.g. `551140028922`). */
  displayPhoneNumber: string;
  webhookUrl?: string;
  /** When set, send requests must carry `Authorization: Bearer <accessToken>`. */
  accessToken?: string;
  clock?: Clock;
  wabaId?: string;
  /** Report Brazilian wa_ids without the 9th mobile digit, as Meta does for older accounts. Default false. */
  legacyBrazilianWaIds?: boolean;
  /**
   * How a free-form message outside the 24-hour window fails: `sync` (default) answers 400 with code 131047;
   * `async` accepts it (200, a wamid) and then sends a `failed` status with 131047, as Meta often does.
   */
  windowEnforcement?: 'sync' | 'async';
  /** Statuses to emit automatically after each accepted send, in order (e.g. `['sent', 'delivered']`). */
  autoStatuses?: Array<'sent' | 'delivered' | 'read'>;
  /** Delay before automatic (and asynchronous 131047) status callbacks, default 25 ms: after the send's response. */
  statusDelayMs?: number;
}

export type SendOutcome =
  | { kind: 'response'; status: number; body: unknown; headers?: Record<string, string> }
  | { kind: 'hang'; hangMs?: number };

export interface InboundResult {
  messageId: string;
  /** HTTP status the webhook answered, or null when not delivered (no URL, dropped, unreachable). */
  status: number | null;
  mediaId?: string;
  error?: string;
}

/** The simulator's behaviour, independent of HTTP: the routes and the in-process `controls` both call it. */
export class WhatsAppSimulatorEngine {
  readonly store = new SimulatorStore();
  readonly clock: SimulatorClock;
  readonly sendFaults = new FaultQueue<SendFault>();
  readonly webhooks: WebhookDelivery;
  private readonly business: BusinessNumber;
  private readonly background = new Set<Promise<unknown>>();

  constructor(private readonly options: WhatsAppSimulatorOptions) {
    this.clock = new SimulatorClock(options.clock);
    this.webhooks = new WebhookDelivery(options.appSecret, options.webhookUrl);
    this.business = {
      wabaId: options.wabaId ?? '102290129340398',
      phoneNumberId: options.phoneNumberId,
      displayPhoneNumber: options.displayPhoneNumber,
    };
  }

  get accessToken(): string | undefined {
    return this.options.accessToken;
  }

  handleSend(phoneNumberId: string, body: unknown): SendOutcome {
    if (phoneNumberId !== this.options.phoneNumberId) {
      return response(
        graphError(100, `Object with ID '${phoneNumberId}' does not exist or cannot be loaded`),
      );
    }
    const fault = this.sendFaults.next();
    if (fault) return this.faultOutcome(fault);
    const validated = validateSendRequest(body);
    if (!validated.ok) return response(graphError(100, validated.details));
    const request = body as Record<string, unknown>;
    const nowMs = this.clock.nowMs();
    const record: OutboundRecord = {
      direction: 'outbound',
      to: validated.to,
      type: validated.type,
      request,
      receivedAtMs: nowMs,
      accepted: true,
    };
    const outsideWindow =
      FREE_FORM_TYPES.has(validated.type) && !this.store.isWindowOpen(validated.to, nowMs);
    if (outsideWindow && this.options.windowEnforcement !== 'async') {
      const rejection = graphError(131047);
      this.store.recordOutbound({
        ...record,
        accepted: false,
        error: { code: 131047, message: 'Re-engagement message' },
      });
      return response(rejection);
    }
    record.messageId = this.store.newMessageId(validated.to);
    this.store.recordOutbound(record);
    const waId = waIdOf(validated.to, this.options.legacyBrazilianWaIds ?? false);
    if (outsideWindow) {
      const messageId = record.messageId;
      this.inBackground(
        this.statusDelay().then(() => this.emitStatus({ messageId, status: 'failed', errorCode: 131047 })),
      );
    } else {
      this.inBackground(this.emitAutoStatuses(record.messageId));
    }
    const message: Record<string, unknown> = { id: record.messageId };
    if (validated.type === 'template') message.message_status = 'accepted';
    return {
      kind: 'response',
      status: 200,
      body: {
        messaging_product: 'whatsapp',
        contacts: [{ input: validated.to, wa_id: waId }],
        messages: [message],
      },
    };
  }

  async sendInbound(input: SimulatedInbound): Promise<InboundResult> {
    const content = contentOf(input);
    if (typeof content === 'string') throw new Error(content);
    const nowMs = this.clock.nowMs();
    const waId = input.waId ?? waIdOf(input.from, this.options.legacyBrazilianWaIds ?? false);
    const messageId = this.store.newMessageId(input.from);
    let media: { id: string; sha256: string } | undefined;
    if (content.type === 'audio' || content.type === 'image' || content.type === 'document') {
      const stored = this.store.putMedia(content.bytes, content.mimeType);
      media = { id: stored.id, sha256: createHash('sha256').update(content.bytes).digest('base64') };
    }
    const contextId =
      input.contextMessageId ??
      (content.type === 'button' ? this.store.lastInteractiveTo(input.from)?.messageId : undefined);
    const hidesPhone = input.username !== undefined && input.userId !== undefined;
    const message = cloudApiMessage(content, {
      id: messageId,
      ...(hidesPhone ? {} : { waId }),
      ...(input.userId ? { userId: input.userId } : {}),
      timestampSeconds: Math.floor(nowMs / 1000),
      context: contextId ? { from: this.business.displayPhoneNumber, id: contextId } : undefined,
      mediaId: media?.id,
      sha256: media?.sha256,
    });
    const payload = inboundMessagePayload(
      this.business,
      {
        ...(hidesPhone ? { username: input.username } : { waId }),
        ...(input.userId ? { userId: input.userId } : {}),
        profileName: input.name ?? 'Cliente Simulação',
      },
      message,
    );
    const record = {
      direction: 'inbound' as const,
      messageId,
      from: input.from,
      waId,
      ...(input.userId ? { userId: input.userId } : {}),
      type: String(message.type),
      message,
      sentAtMs: nowMs,
      webhookStatus: null as number | null,
    };
    this.store.recordInbound(record);
    const delivery = await this.webhooks.deliver(metaJson(payload));
    record.webhookStatus = delivery.status;
    const result: InboundResult = { messageId, status: delivery.status };
    if (media) result.mediaId = media.id;
    if (delivery.error) result.error = delivery.error;
    return result;
  }

  /** Sends a signed status callback for a message IRIS sent. */
  async emitStatus(input: {
    messageId: string;
    status: 'sent' | 'delivered' | 'read' | 'failed';
    errorCode?: number;
  }): Promise<WebhookDeliveryResult> {
    const sent = this.store.sentMessage(input.messageId);
    if (!sent) throw new Error(`No message ${input.messageId} was sent through the simulator`);
    const payload = statusPayload(this.business, {
      messageId: input.messageId,
      status: input.status,
      recipientWaId: waIdOf(sent.to, this.options.legacyBrazilianWaIds ?? false),
      timestampSeconds: Math.floor(this.clock.nowMs() / 1000),
      errors: input.status === 'failed' ? [statusError(input.errorCode ?? 131026)] : undefined,
    });
    return this.webhooks.deliver(metaJson(payload));
  }

  outboundTo(phone: string): OutboundRecord[] {
    return this.store.outboundTo(phone);
  }

  conversation(phone: string): ConversationRecord[] {
    return this.store.conversation(phone);
  }

  webhooksSent(): WebhookSent[] {
    return [...this.webhooks.sent];
  }

  failNextWebhooks(fault: WebhookFault, count = 1): void {
    this.webhooks.faults.add(fault, count);
  }

  /** Waits for background work (automatic status callbacks) to finish. */
  async settle(): Promise<void> {
    while (this.background.size > 0) await Promise.allSettled([...this.background]);
  }

  reset(): void {
    this.store.reset();
    this.sendFaults.clear();
    this.webhooks.faults.clear();
    this.webhooks.sent.length = 0;
  }

  private async emitAutoStatuses(messageId: string): Promise<void> {
    await this.statusDelay();
    for (const status of this.options.autoStatuses ?? []) await this.emitStatus({ messageId, status });
  }

  private statusDelay(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, this.options.statusDelayMs ?? 25));
  }

  private inBackground(work: Promise<unknown>): void {
    const tracked = work.catch(() => undefined).finally(() => this.background.delete(tracked));
    this.background.add(tracked);
  }

  private faultOutcome(fault: SendFault): SendOutcome {
    switch (fault.kind) {
      case 'timeout':
        return { kind: 'hang', hangMs: fault.hangMs };
      case 'rate_limit': {
        const outcome = response(graphError(130429));
        if (fault.retryAfterSeconds !== undefined && outcome.kind === 'response') {
          outcome.headers = { 'retry-after': String(fault.retryAfterSeconds) };
        }
        return outcome;
      }
      case 'server_error':
        return response(graphError(2));
      case 'permanent':
        return response(graphError(fault.code));
    }
  }
}

function response(error: GraphErrorResponse): SendOutcome {
  return { kind: 'response', status: error.status, body: error.body };
}
