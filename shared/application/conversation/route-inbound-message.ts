import type { E164 } from '../../domain/phone-number';
import type { InboundContent, InboundMessage, SenderRole } from '../ports/inbound-message-repository';
import type { OwnerMessageInput } from '../ports/workflows';
import type { ConversationDependencies } from './conversation-dependencies';
import { replies } from './replies-pt-br';
import { replyOnce } from './reply-once';

/**
 * Stores an inbound WhatsApp message once and hands it on: an owner's message resumes the execution waiting
 * for it (task token in the conversation item) or starts a new conversation (named after the message id);
 * a contact's opt-out word is handed to the opt-out handler; anyone else gets a short reply.
 * Every path is idempotent, so Meta's retries (for days) and concurrent duplicates cause one effect.
 */

/** A duplicate younger than this is taken as a concurrent delivery still being handled, and left alone. */
export const IN_FLIGHT_GRACE_MS = 60_000;

export type RouteOutcome =
  | 'started'
  | 'resumed'
  | 'replied'
  | 'contact_message'
  | 'duplicate'
  | 'in_flight_duplicate';

export interface InboundMessageToRoute {
  tenantId: string;
  messageId: string;
  from: E164;
  content: InboundContent;
  /** Meta's timestamp (ISO-8601). */
  sentAt: string;
}

export interface ContactMessageHandler {
  /** A message from one of the tenant's contacts (opt-out words and the like). */
  handleContactMessage(input: {
    tenantId: string;
    contactId: string;
    message: InboundMessage;
  }): Promise<void>;
}

export type RouteDependencies = Pick<
  ConversationDependencies,
  | 'inbound'
  | 'users'
  | 'contacts'
  | 'conversations'
  | 'workflows'
  | 'outbox'
  | 'ids'
  | 'clock'
  | 'unitOfWork'
  | 'logger'
> & {
  recordCustomerWindow(tenantId: string, phone: E164, at: Date): Promise<void>;
  contactMessages: ContactMessageHandler;
};

async function senderRoleOf(deps: RouteDependencies, tenantId: string, from: E164) {
  if (await deps.users.findByPhone(tenantId, from)) return { role: 'owner' as SenderRole };
  const contact = await deps.contacts.findByPhone(tenantId, from);
  if (contact) return { role: 'contact' as SenderRole, contactId: contact.contactId };
  return { role: 'unknown' as SenderRole };
}

export async function routeInboundMessage(
  deps: RouteDependencies,
  input: InboundMessageToRoute,
): Promise<RouteOutcome> {
  const now = deps.clock.now();
  const sender = await senderRoleOf(deps, input.tenantId, input.from);
  const message: InboundMessage = {
    tenantId: input.tenantId,
    messageId: input.messageId,
    from: input.from,
    senderRole: sender.role,
    content: input.content,
    receivedAt: now.toISOString(),
  };
  const stored = await deps.inbound.storeIfNew(message);
  let current = message;
  if (stored.outcome === 'duplicate') {
    if (stored.existing.handledAt) return 'duplicate';
    if (now.getTime() - Date.parse(stored.existing.receivedAt) < IN_FLIGHT_GRACE_MS)
      return 'in_flight_duplicate';
    current = stored.existing; // an earlier delivery crashed before handing it on: finish its job
  } else {
    await deps.recordCustomerWindow(input.tenantId, input.from, new Date(input.sentAt));
  }

  const outcome = await handOn(deps, current, sender.contactId);
  await deps.inbound.markHandled(input.tenantId, input.messageId, outcome, deps.clock.now());
  return outcome;
}

async function handOn(
  deps: RouteDependencies,
  message: InboundMessage,
  contactId: string | undefined,
): Promise<RouteOutcome> {
  const { tenantId, messageId, from } = message;
  if (message.senderRole === 'contact' && contactId) {
    await deps.contactMessages.handleContactMessage({ tenantId, contactId, message });
    return 'contact_message';
  }
  if (message.senderRole !== 'owner') {
    await replyOnce(deps, tenantId, from, replies.unknownSender(), messageId, 'unknown-sender');
    return 'replied';
  }
  if (message.content.type === 'unsupported') {
    const text = replies.unsupportedMessage(message.content.originalType);
    await replyOnce(deps, tenantId, from, text, messageId, 'unsupported');
    return 'replied';
  }

  const ownerMessage: OwnerMessageInput = {
    messageId,
    from,
    content: message.content,
    receivedAt: message.receivedAt,
  };
  const resumeToken = message.resumeToken ?? (await takeWaitingTask(deps, message));
  if (resumeToken && (await deps.workflows.resumeConversation(resumeToken, ownerMessage))) return 'resumed';
  if (resumeToken) deps.logger.warn('waiting task is gone; starting a new conversation', { messageId });
  await deps.workflows.startConversation({ tenantId, message: ownerMessage });
  return 'started';
}

async function takeWaitingTask(
  deps: RouteDependencies,
  message: InboundMessage,
): Promise<string | undefined> {
  const conversation = await deps.conversations.getConversation(message.tenantId, message.from);
  const awaiting = conversation?.awaiting;
  if (!awaiting || Date.parse(awaiting.expiresAt) <= deps.clock.now().getTime()) return undefined;
  const taken = await deps.conversations.takeAwaiting(
    message.tenantId,
    message.from,
    awaiting.taskToken,
    message.messageId,
  );
  return taken?.taskToken;
}
