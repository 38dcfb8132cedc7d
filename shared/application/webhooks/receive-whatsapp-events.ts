import { normalizePhone } from '../../domain/phone-number';
import type { AppLogger } from '../../logging/create-logger';
import type { InboundWhatsAppEvent } from '../../webhooks/whatsapp/inbound-event';
import {
  type ContactMessageHandler,
  type InboundMessageToRoute,
  type RouteDependencies,
  type RouteOutcome,
  routeInboundMessage,
} from '../conversation/route-inbound-message';
import { type RecordStatusCallbackDeps, recordStatusCallback } from '../outbox/record-status-callback';
import type { TenantRepository } from '../ports/tenant-repository';

export interface ReceiveWhatsAppDependencies {
  tenants: Pick<TenantRepository, 'findTenantIdByWhatsAppNumber'>;
  route: Omit<RouteDependencies, 'contactMessages'>;
  /** A contact's message (opt-out words included): `payerMessageHandler` in shared/application/payers. */
  contactMessages: ContactMessageHandler;
  statuses: RecordStatusCallbackDeps;
  logger: AppLogger;
}

export interface ReceiveSummary {
  messages: RouteOutcome[];
  statuses: string[];
  ignored: number;
}

/**
 * Everything a verified WhatsApp webhook carries: messages are stored once and handed on, status callbacks
 * move outbox items forward. Events for a business number IRIS does not serve are logged and dropped (Meta
 * must not retry them). Throws only on infrastructure failures, so Meta retries and nothing is lost.
 */
export async function receiveWhatsAppEvents(
  deps: ReceiveWhatsAppDependencies,
  events: InboundWhatsAppEvent[],
): Promise<ReceiveSummary> {
  const summary: ReceiveSummary = { messages: [], statuses: [], ignored: 0 };
  const tenantByNumber = new Map<string, string | undefined>();
  const tenantOf = async (phoneNumberId: string) => {
    if (!tenantByNumber.has(phoneNumberId)) {
      tenantByNumber.set(phoneNumberId, await deps.tenants.findTenantIdByWhatsAppNumber(phoneNumberId));
    }
    return tenantByNumber.get(phoneNumberId);
  };

  for (const event of events) {
    if (event.kind === 'error') {
      deps.logger.warn('WhatsApp reported an account-level error', { event });
      summary.ignored++;
      continue;
    }
    const tenantId = await tenantOf(event.phoneNumberId);
    if (!tenantId) {
      deps.logger.warn('webhook for an unknown WhatsApp business number; ignored', {
        phoneNumberId: event.phoneNumberId,
      });
      summary.ignored++;
      continue;
    }
    if (event.kind === 'status') {
      const result = await recordStatusCallback(deps.statuses, {
        tenantId,
        providerMessageId: event.providerMessageId,
        status: event.status,
        at: new Date(event.timestamp),
        reason: event.errors[0]?.classification,
        error: event.errors[0] ? `${event.errors[0].code} ${event.errors[0].title}` : undefined,
      });
      summary.statuses.push(result.outcome);
      continue;
    }
    if (!event.fromE164) {
      deps.logger.warn('message from a non-Brazilian number; ignored', { messageId: event.messageId });
      summary.ignored++;
      continue;
    }
    const message: InboundMessageToRoute = {
      tenantId,
      messageId: event.messageId,
      from: normalizePhone(event.fromE164),
      content:
        event.content.type === 'audio'
          ? { type: 'audio', mediaId: event.content.mediaId, mimeType: event.content.mimeType }
          : event.content.type === 'button'
            ? { type: 'button', payload: event.content.payload, title: event.content.title }
            : event.content,
      sentAt: event.timestamp,
    };
    const outcome = await routeInboundMessage(
      { ...deps.route, contactMessages: deps.contactMessages },
      message,
    );
    summary.messages.push(outcome);
  }
  return summary;
}
