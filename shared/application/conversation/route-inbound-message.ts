import type {
  InboundContent,
  InboundMessage,
  InboundTreatment,
} from '#application/ports/inbound-message-repository';
import type { OwnerMessageInput } from '#application/ports/workflows';
import { saoPauloDateOf } from '#domain/calendar-date';
import type { E164 } from '#domain/phone-number';
import type { ConversationDependencies } from './conversation-dependencies';
import { replies } from './replies-pt-br';
import { replyOnce } from './reply-once';
import { type ResolvedSender, resolveSender } from './resolve-sender';

/**
 * Stores an inbound WhatsApp message once and hands it on: an owner's message resumes the execution waiting
 * for it (task token in the conversation item) or starts a new conversation (named after the message id);
 * a contact's message goes to the contact-message handler; anyone else gets a short reply, at most once a
 * day. Every path is idempotent, so Meta's retries (for days) and concurrent duplicates cause one effect.
 */

/** A duplicate younger than this is taken as a concurrent delivery still being handled, and left alone. */
export const IN_FLIGHT_GRACE_MS = 60_000;

/**
 * Messages older than this by their own timestamp are acknowledged and ignored: Meta retries a delivery for
 * up to 7 days, so anything older is a replay, and acting on a week-old request would surprise its sender.
 * Shorter than the message-id guard's 30 days, so a replay can never outlive its guard and act twice.
 */
export const MAX_INBOUND_AGE_MS = 7 * 86_400_000;

export type RouteOutcome =
  | 'started'
  | 'resumed'
  | 'replied'
  | 'recorded'
  | 'contact_message'
  | 'duplicate'
  | 'in_flight_duplicate'
  | 'duplicate_tap'
  | 'stale';

export interface InboundMessageToRoute {
  tenantId: string;
  messageId: string;
  /** Sender's phone; absent when the sender is known only by their business-scoped user id. */
  from?: E164;
  /** Sender's WhatsApp business-scoped user id (BSUID), when Meta sent one. */
  fromUserId?: string;
  content: InboundContent;
  /** Default `route`. */
  treatment?: InboundTreatment;
  /** Meta's errors on a message it could not deliver whole. */
  errors?: Array<{ code: number; title: string }>;
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

export async function routeInboundMessage(
  deps: RouteDependencies,
  input: InboundMessageToRoute,
): Promise<RouteOutcome> {
  const now = deps.clock.now();
  if (now.getTime() - Date.parse(input.sentAt) > MAX_INBOUND_AGE_MS) return 'stale';
  const sender = await resolveSender(deps, input.tenantId, input);
  if (!sender.phone) {
    // A business-scoped user id never linked to anyone: answered at that id, once a day, nothing stored.
    // Its 24-hour window is keyed on the address delivery sends to (as the dispatcher reads it).
    await deps.recordCustomerWindow(input.tenantId, sender.address as E164, new Date(input.sentAt));
    await replyToUnknownSender(deps, input.tenantId, sender.address, now);
    return 'replied';
  }
  const message: InboundMessage = {
    tenantId: input.tenantId,
    messageId: input.messageId,
    from: sender.phone,
    senderRole: sender.role,
    content: input.content,
    receivedAt: now.toISOString(),
  };
  if (input.fromUserId) message.fromUserId = input.fromUserId;
  if (input.treatment && input.treatment !== 'route') message.treatment = input.treatment;
  if (input.errors && input.errors.length > 0) message.errors = input.errors;
  const stored = await deps.inbound.storeIfNew(message);
  let current = message;
  if (stored.outcome === 'duplicate') {
    if (stored.existing.handledAt) return 'duplicate';
    if (now.getTime() - Date.parse(stored.existing.receivedAt) < IN_FLIGHT_GRACE_MS)
      return 'in_flight_duplicate';
    current = stored.existing; // an earlier delivery crashed before handing it on: finish its job
  } else {
    await deps.recordCustomerWindow(input.tenantId, sender.phone, new Date(input.sentAt));
  }

  const outcome = await handOn(deps, current, sender);
  await deps.inbound.markHandled(input.tenantId, input.messageId, outcome, deps.clock.now());
  return outcome;
}

async function handOn(
  deps: RouteDependencies,
  message: InboundMessage,
  sender: ResolvedSender,
): Promise<RouteOutcome> {
  const { tenantId, messageId, from } = message;
  const treatment = message.treatment ?? 'route';
  if (treatment === 'record') return 'recorded';
  if (message.senderRole === 'contact' && sender.contactId) {
    await deps.contactMessages.handleContactMessage({ tenantId, contactId: sender.contactId, message });
    return 'contact_message';
  }
  if (message.senderRole !== 'owner') {
    await replyToUnknownSender(deps, tenantId, from, deps.clock.now());
    return 'replied';
  }
  if (treatment === 'ask_to_resend') {
    await replyOnce(deps, tenantId, from, replies.couldNotReceive(), messageId, 'could-not-receive');
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
  if (message.content.type === 'button' && !(await firstTapOf(deps, message, message.content.payload))) {
    return 'duplicate_tap';
  }
  await deps.workflows.startConversation({ tenantId, message: ownerMessage });
  return 'started';
}

/**
 * A button tap that reached no waiting request starts a conversation that answers it ("já foi resolvido");
 * only the first such tap of a button does, so twenty taps on a decided request get one answer, not twenty.
 */
function firstTapOf(deps: RouteDependencies, message: InboundMessage, payload: string): Promise<boolean> {
  return deps.inbound.claimButtonTap({
    tenantId: message.tenantId,
    sender: message.from,
    payload,
    messageId: message.messageId,
    now: deps.clock.now(),
  });
}

/**
 * Someone IRIS does not know (a phone or a business-scoped user id) gets the "not registered" answer at most
 * once per São Paulo calendar day: the reply's outbox id derives from the sender and the day, so every
 * further message that day finds it already queued and adds nothing.
 */
export const UNKNOWN_SENDER_REPLIES_PER_DAY = 1;

async function replyToUnknownSender(
  deps: RouteDependencies,
  tenantId: string,
  address: string,
  now: Date,
): Promise<void> {
  const day = saoPauloDateOf(now);
  await replyOnce(deps, tenantId, address, replies.unknownSender(), `${address}@${day}`, 'unknown-sender');
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
