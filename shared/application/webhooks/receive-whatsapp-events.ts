import {
  type ContactMessageHandler,
  type InboundMessageToRoute,
  type RouteDependencies,
  type RouteOutcome,
  routeInboundMessage,
} from '#application/conversation/route-inbound-message';
import {
  type RecordStatusCallbackDeps,
  recordStatusCallback,
} from '#application/outbox/record-status-callback';
import type { InboundContent, InboundTreatment } from '#application/ports/inbound-message-repository';
import type { TenantRepository } from '#application/ports/tenant-repository';
import { normalizePhone } from '#domain/phone-number';
import type { AppLogger } from '#logging/create-logger';
import type { InboundWhatsAppEvent, InboundWhatsAppMessage } from '#webhooks/whatsapp/inbound-event';
import { type IdentityChangeDependencies, recordIdentityChange } from './record-identity-change';

export interface ReceiveWhatsAppDependencies {
  tenants: Pick<TenantRepository, 'findTenantIdByWhatsAppNumber'>;
  route: Omit<RouteDependencies, 'contactMessages'>;
  /** A contact's message (opt-out words included): `payerMessageHandler` in shared/application/payers. */
  contactMessages: ContactMessageHandler;
  statuses: RecordStatusCallbackDeps;
  identities: IdentityChangeDependencies;
  logger: AppLogger;
}

export interface ReceiveSummary {
  messages: RouteOutcome[];
  statuses: string[];
  identityChanges: string[];
  /** Items acknowledged without effect, counted by what they were (`field:account_update`, `status:played`). */
  ignored: Record<string, number>;
}

/**
 * Everything a verified WhatsApp webhook carries, item by item: messages are stored once and handed on,
 * status callbacks move outbox items forward, identity notices update the stored person; items IRIS does not
 * act on are logged (ids only) and counted. An item whose handling fails for an infrastructure reason does
 * not stop the others: the rest are handled, then the failure is thrown so Meta retries the delivery (every
 * path is idempotent, so the items already handled cause nothing twice).
 */
export async function receiveWhatsAppEvents(
  deps: ReceiveWhatsAppDependencies,
  events: InboundWhatsAppEvent[],
): Promise<ReceiveSummary> {
  const summary: ReceiveSummary = { messages: [], statuses: [], identityChanges: [], ignored: {} };
  const ignore = (what: string, detail: Record<string, unknown> = {}) => {
    summary.ignored[what] = (summary.ignored[what] ?? 0) + 1;
    deps.logger.info('webhook item ignored', { what, ...detail });
  };
  const tenantByNumber = new Map<string, string | undefined>();
  const tenantOf = async (phoneNumberId: string) => {
    if (!tenantByNumber.has(phoneNumberId)) {
      tenantByNumber.set(phoneNumberId, await deps.tenants.findTenantIdByWhatsAppNumber(phoneNumberId));
    }
    return tenantByNumber.get(phoneNumberId);
  };

  const failures: unknown[] = [];
  for (const event of events) {
    try {
      if (event.kind === 'ignored') {
        ignore(event.what, {
          itemId: event.itemId,
          phoneNumberId: event.phoneNumberId,
          issues: event.issues,
        });
        continue;
      }
      if (event.kind === 'error') {
        deps.logger.warn('WhatsApp reported an account-level error', { event });
        ignore('account_error', { codes: event.errors.map((error) => error.code) });
        continue;
      }
      const tenantId = await tenantOf(event.phoneNumberId);
      if (!tenantId) {
        ignore('unknown_business_number', { phoneNumberId: event.phoneNumberId });
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
      } else if (event.kind === 'identity_change') {
        summary.identityChanges.push(await recordIdentityChange(deps.identities, tenantId, event));
      } else {
        const message = messageToRoute(tenantId, event);
        if (!message) {
          ignore('message:foreign_number', { messageId: event.messageId });
          continue;
        }
        summary.messages.push(await routeInboundMessage(routeDeps(deps), message));
      }
    } catch (error) {
      deps.logger.error('webhook item failed; Meta will retry the delivery', { kind: event.kind, error });
      failures.push(error);
    }
  }
  if (failures.length > 0) throw failures[0];
  return summary;
}

function routeDeps(deps: ReceiveWhatsAppDependencies): RouteDependencies {
  return { ...deps.route, contactMessages: deps.contactMessages };
}

/** The message as the router takes it, or undefined when its sender has neither a Brazilian phone nor a BSUID. */
function messageToRoute(tenantId: string, event: InboundWhatsAppMessage): InboundMessageToRoute | undefined {
  if (!event.fromE164 && !event.fromUserId) return undefined;
  const { content, treatment } = contentToRoute(event.content);
  const message: InboundMessageToRoute = {
    tenantId,
    messageId: event.messageId,
    content,
    treatment,
    sentAt: event.timestamp,
  };
  if (event.fromE164) message.from = normalizePhone(event.fromE164);
  if (event.fromUserId) message.fromUserId = event.fromUserId;
  if (event.content.type === 'undeliverable' && event.content.errors.length > 0) {
    message.errors = event.content.errors.map(({ code, title }) => ({ code, title }));
  }
  return message;
}

function contentToRoute(content: InboundWhatsAppMessage['content']): {
  content: InboundContent;
  treatment: InboundTreatment;
} {
  switch (content.type) {
    case 'audio':
      return {
        content: { type: 'audio', mediaId: content.mediaId, mimeType: content.mimeType },
        treatment: 'route',
      };
    case 'button':
      return {
        content: { type: 'button', payload: content.payload, title: content.title },
        treatment: 'route',
      };
    case 'notice':
      return { content: { type: 'unsupported', originalType: content.originalType }, treatment: 'record' };
    case 'undeliverable':
      return {
        content: { type: 'unsupported', originalType: content.originalType },
        treatment: 'ask_to_resend',
      };
    default:
      return { content, treatment: 'route' };
  }
}
