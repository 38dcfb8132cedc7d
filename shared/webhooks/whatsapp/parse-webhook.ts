import { tryNormalizePhone } from '#domain/phone-number';
import {
  type InboundWhatsAppEvent,
  type InboundWhatsAppMessage,
  InvalidWebhookPayloadError,
  type WhatsAppDeliveryStatus,
  type WhatsAppIdentityChangeEvent,
  type WhatsAppIgnoredItem,
  type WhatsAppStatusEvent,
} from './inbound-event';
import { contentOf, eventErrorOf, type RawMessage } from './message-content';
import {
  changeSchema,
  changeValueSchema,
  contactSchema,
  entrySchema,
  inboundMessageSchema,
  type MetaContact,
  type MetaInboundMessage,
  metaErrorSchema,
  statusSchema,
  systemSchema,
  webhookEnvelopeSchema,
} from './payload.schema';

export interface NormalizeOptions {
  /**
   * Converts a sender's wa_id to E.164. Default: the domain's canonical Brazilian form (the 9th mobile digit
   * restored); a wa_id that is not a Brazilian number gets no `fromE164`.
   */
  waIdToE164?: (waId: string) => string | undefined;
}

const DELIVERY_STATUSES: ReadonlySet<string> = new Set(['sent', 'delivered', 'read', 'failed']);
const IDENTITY_CHANGES: ReadonlySet<string> = new Set(['user_changed_number', 'user_changed_user_id']);

/**
 * Parses the raw webhook body (after its signature was verified on these same bytes) into IRIS events.
 * Throws `InvalidWebhookPayloadError` only when the body is not JSON or not a WhatsApp Business Account
 * envelope; everything inside an envelope becomes an event, an ignored item included.
 */
export function parseWhatsAppWebhook(
  rawBody: Buffer | string,
  options: NormalizeOptions = {},
): InboundWhatsAppEvent[] {
  let json: unknown;
  try {
    json = JSON.parse(typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8'));
  } catch (error) {
    throw new InvalidWebhookPayloadError('Webhook body is not valid JSON', [], { cause: error });
  }
  return normalizeWhatsAppWebhook(json, options);
}

/**
 * Normalises an already-parsed webhook payload, item by item. Changes of other fields (`account_update`,
 * `message_template_status_update`, …), statuses IRIS does not track and items it cannot read become
 * `ignored` events: Meta must not retry an authentic delivery, and one odd item must not sink the others.
 */
export function normalizeWhatsAppWebhook(
  payload: unknown,
  options: NormalizeOptions = {},
): InboundWhatsAppEvent[] {
  const envelope = webhookEnvelopeSchema.safeParse(payload);
  if (!envelope.success) throw invalid('Not a WhatsApp Business Account webhook', envelope.error.issues);
  const events: InboundWhatsAppEvent[] = [];
  for (const rawEntry of envelope.data.entry) {
    const entry = entrySchema.safeParse(rawEntry);
    if (!entry.success) {
      events.push(ignored('entry:unreadable', { issues: issuesOf(entry.error.issues) }));
      continue;
    }
    for (const rawChange of entry.data.changes) {
      const change = changeSchema.safeParse(rawChange);
      if (!change.success) {
        events.push(ignored('change:unreadable', { issues: issuesOf(change.error.issues) }));
      } else if (change.data.field !== 'messages') {
        events.push(ignored(`field:${change.data.field}`));
      } else {
        events.push(...messagesChangeEvents(change.data.value, options));
      }
    }
  }
  return events;
}

function messagesChangeEvents(rawValue: unknown, options: NormalizeOptions): InboundWhatsAppEvent[] {
  const value = changeValueSchema.safeParse(rawValue);
  if (!value.success) return [ignored('messages:unreadable', { issues: issuesOf(value.error.issues) })];
  const { phone_number_id: phoneNumberId, display_phone_number: displayPhoneNumber = '' } =
    value.data.metadata;
  const contacts = (value.data.contacts ?? []).flatMap((raw) => {
    const contact = contactSchema.safeParse(raw);
    return contact.success ? [contact.data] : [];
  });
  const events: InboundWhatsAppEvent[] = [];
  for (const raw of value.data.messages ?? []) {
    const message = inboundMessageSchema.safeParse(raw);
    if (!message.success) {
      events.push(
        ignored('message:unreadable', {
          phoneNumberId,
          itemId: idOf(raw),
          issues: issuesOf(message.error.issues),
        }),
      );
      continue;
    }
    const business = { phoneNumberId, displayPhoneNumber };
    events.push(messageEvent(message.data, raw as RawMessage, business, contacts, options));
  }
  for (const raw of value.data.statuses ?? []) events.push(statusEvent(raw, phoneNumberId));
  const errors = (value.data.errors ?? []).flatMap((raw) => {
    const error = metaErrorSchema.safeParse(raw);
    return error.success ? [eventErrorOf(error.data)] : [];
  });
  if (errors.length > 0) events.push({ kind: 'error', phoneNumberId, errors });
  return events;
}

function messageEvent(
  message: MetaInboundMessage,
  raw: RawMessage,
  business: { phoneNumberId: string; displayPhoneNumber: string },
  contacts: MetaContact[],
  options: NormalizeOptions,
): InboundWhatsAppMessage | WhatsAppIdentityChangeEvent | WhatsAppIgnoredItem {
  const contact = senderContactOf(message, contacts);
  const waId = nonEmpty(message.from) ?? nonEmpty(contact?.wa_id);
  const userId = nonEmpty(message.from_user_id) ?? nonEmpty(contact?.user_id);
  const e164 = waId ? (options.waIdToE164 ?? brazilianE164)(waId) : undefined;
  const timestamp = isoOf(message.timestamp);
  if (message.type === 'system') {
    const change = identityChangeOf(message, raw, business.phoneNumberId, { waId, e164, userId }, options);
    if (change) return { ...change, timestamp };
  }
  if (!waId && !userId) {
    return ignored('message:no_sender', { phoneNumberId: business.phoneNumberId, itemId: message.id });
  }
  const event: InboundWhatsAppMessage = {
    kind: 'message',
    ...business,
    messageId: message.id,
    timestamp,
    content: contentOf(message, raw),
  };
  if (waId) event.fromWaId = waId;
  if (e164) event.fromE164 = e164;
  if (userId) event.fromUserId = userId;
  const parentUserId = nonEmpty(message.from_parent_user_id) ?? nonEmpty(contact?.parent_user_id);
  if (parentUserId) event.fromParentUserId = parentUserId;
  const username = nonEmpty(contact?.profile?.username);
  if (username) event.fromUsername = username;
  const profileName = nonEmpty(contact?.profile?.name);
  if (profileName) event.profileName = profileName;
  if (message.context?.id) event.contextMessageId = message.context.id;
  return event;
}

/** The `contacts[]` element describing this message's sender: by wa_id, by BSUID, or the only one. */
function senderContactOf(message: MetaInboundMessage, contacts: MetaContact[]): MetaContact | undefined {
  return (
    contacts.find((contact) => message.from && contact.wa_id === message.from) ??
    contacts.find((contact) => message.from_user_id && contact.user_id === message.from_user_id) ??
    (contacts.length === 1 ? contacts[0] : undefined)
  );
}

function identityChangeOf(
  message: MetaInboundMessage,
  raw: RawMessage,
  phoneNumberId: string,
  sender: { waId?: string; e164?: string; userId?: string },
  options: NormalizeOptions,
): Omit<WhatsAppIdentityChangeEvent, 'timestamp'> | undefined {
  const system = systemSchema.safeParse(raw.system);
  if (!system.success || !system.data.type || !IDENTITY_CHANGES.has(system.data.type)) return undefined;
  const newWaId = nonEmpty(system.data.new_wa_id) ?? nonEmpty(system.data.wa_id);
  const newUserId = nonEmpty(system.data.new_user_id) ?? nonEmpty(system.data.user_id);
  const next =
    system.data.type === 'user_changed_number'
      ? { waId: newWaId, e164: newWaId ? (options.waIdToE164 ?? brazilianE164)(newWaId) : undefined }
      : { userId: newUserId };
  return {
    kind: 'identity_change',
    phoneNumberId,
    messageId: message.id,
    change: system.data.type as WhatsAppIdentityChangeEvent['change'],
    previous: definedOnly(sender),
    next: definedOnly(next),
  };
}

function statusEvent(raw: unknown, phoneNumberId: string): WhatsAppStatusEvent | WhatsAppIgnoredItem {
  const parsed = statusSchema.safeParse(raw);
  if (!parsed.success) {
    return ignored('status:unreadable', {
      phoneNumberId,
      itemId: idOf(raw),
      issues: issuesOf(parsed.error.issues),
    });
  }
  const status = parsed.data;
  if (!DELIVERY_STATUSES.has(status.status)) {
    return ignored(`status:${status.status}`, { phoneNumberId, itemId: status.id });
  }
  const event: WhatsAppStatusEvent = {
    kind: 'status',
    phoneNumberId,
    providerMessageId: status.id,
    status: status.status as WhatsAppDeliveryStatus,
    timestamp: isoOf(status.timestamp),
    errors: (status.errors ?? []).map(eventErrorOf),
  };
  const waId = nonEmpty(status.recipient_id);
  if (waId) event.recipientWaId = waId;
  const userId = nonEmpty(status.recipient_user_id);
  if (userId) event.recipientUserId = userId;
  return event;
}

function ignored(what: string, detail: Omit<WhatsAppIgnoredItem, 'kind' | 'what'> = {}): WhatsAppIgnoredItem {
  return { kind: 'ignored', what, ...definedOnly(detail) };
}

function idOf(raw: unknown): string | undefined {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.length > 0 && id.length <= 200 ? id : undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.length > 0 ? value : undefined;
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function brazilianE164(waId: string): string | undefined {
  return /^\d+$/.test(waId) ? tryNormalizePhone(`+${waId}`) : undefined;
}

function isoOf(unixSeconds: string | number): string {
  return new Date(Number(unixSeconds) * 1000).toISOString();
}

type Issue = { path: ReadonlyArray<PropertyKey>; message: string };

function issuesOf(issues: ReadonlyArray<Issue>): string[] {
  return issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
}

function invalid(message: string, issues: ReadonlyArray<Issue> = []): InvalidWebhookPayloadError {
  return new InvalidWebhookPayloadError(message, issuesOf(issues));
}
