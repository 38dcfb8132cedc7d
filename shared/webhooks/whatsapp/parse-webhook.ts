import { classifyMetaError } from '../../adapters/whatsapp/meta-error-codes';
import { tryNormalizePhone } from '../../domain/phone-number';
import {
  type InboundMessageContent,
  type InboundWhatsAppEvent,
  type InboundWhatsAppMessage,
  InvalidWebhookPayloadError,
  type WhatsAppDeliveryStatus,
  type WhatsAppEventError,
  type WhatsAppStatusEvent,
} from './inbound-event';
import {
  changeValueSchema,
  type MetaChangeValue,
  type MetaError,
  type MetaInboundMessage,
  type MetaStatus,
  webhookPayloadSchema,
} from './payload.schema';

export interface NormalizeOptions {
  /**
   * Converts a sender's wa_id to E.164. Default: the domain's canonical Brazilian form (the 9th mobile digit
   * restored); a wa_id that is not a Brazilian number gets no `fromE164`.
   */
  waIdToE164?: (waId: string) => string | undefined;
}

const DELIVERY_STATUSES: ReadonlySet<string> = new Set(['sent', 'delivered', 'read', 'failed']);

/**
 * Parses the raw webhook body (after its signature was verified on these same bytes) into IRIS events.
 * Throws `InvalidWebhookPayloadError` on non-JSON or an unknown shape.
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
 * Normalises an already-parsed webhook payload. Changes of fields other than `messages` are skipped (they
 * only arrive if subscribed, and rejecting them would make Meta retry for days), as are statuses whose
 * value IRIS does not know.
 */
export function normalizeWhatsAppWebhook(
  payload: unknown,
  options: NormalizeOptions = {},
): InboundWhatsAppEvent[] {
  const envelope = webhookPayloadSchema.safeParse(payload);
  if (!envelope.success) throw invalid('Not a WhatsApp Business Account webhook', envelope.error.issues);
  const events: InboundWhatsAppEvent[] = [];
  for (const entry of envelope.data.entry) {
    for (const change of entry.changes) {
      if (change.field !== 'messages') continue;
      const value = changeValueSchema.safeParse(change.value);
      if (!value.success) throw invalid('Unknown shape of a messages change', value.error.issues);
      events.push(...eventsOf(value.data, options));
    }
  }
  return events;
}

function eventsOf(value: MetaChangeValue, options: NormalizeOptions): InboundWhatsAppEvent[] {
  const { phone_number_id: phoneNumberId, display_phone_number: displayPhoneNumber } = value.metadata;
  const events: InboundWhatsAppEvent[] = [];
  for (const message of value.messages ?? []) {
    const profileName = value.contacts?.find((contact) => contact.wa_id === message.from)?.profile?.name;
    events.push(messageEvent(message, { phoneNumberId, displayPhoneNumber, profileName }, options));
  }
  for (const status of value.statuses ?? []) {
    const event = statusEvent(status, phoneNumberId);
    if (event) events.push(event);
  }
  if (value.errors && value.errors.length > 0) {
    events.push({ kind: 'error', phoneNumberId, errors: value.errors.map(eventError) });
  }
  return events;
}

function messageEvent(
  message: MetaInboundMessage,
  business: { phoneNumberId: string; displayPhoneNumber: string; profileName: string | undefined },
  options: NormalizeOptions,
): InboundWhatsAppMessage {
  const event: InboundWhatsAppMessage = {
    kind: 'message',
    phoneNumberId: business.phoneNumberId,
    displayPhoneNumber: business.displayPhoneNumber,
    messageId: message.id,
    fromWaId: message.from,
    timestamp: isoOf(message.timestamp),
    content: contentOf(message),
  };
  const fromE164 = (options.waIdToE164 ?? brazilianE164)(message.from);
  if (fromE164) event.fromE164 = fromE164;
  if (business.profileName) event.profileName = business.profileName;
  if (message.context?.id) event.contextMessageId = message.context.id;
  return event;
}

function contentOf(message: MetaInboundMessage): InboundMessageContent {
  switch (message.type) {
    case 'text':
      if (!message.text) throw invalid(`Text message ${message.id} has no text`);
      return { type: 'text', text: message.text.body };
    case 'audio':
      if (!message.audio) throw invalid(`Audio message ${message.id} has no audio`);
      return {
        type: 'audio',
        mediaId: message.audio.id,
        mimeType: message.audio.mime_type,
        voice: message.audio.voice ?? false,
      };
    case 'button':
      if (!message.button) throw invalid(`Button message ${message.id} has no button`);
      return {
        type: 'button',
        payload: message.button.payload,
        title: message.button.text,
        source: 'template_button',
      };
    case 'interactive':
      return interactiveContentOf(message);
    default:
      return { type: 'unsupported', originalType: message.type };
  }
}

function interactiveContentOf(message: MetaInboundMessage): InboundMessageContent {
  const interactive = message.interactive;
  if (!interactive) throw invalid(`Interactive message ${message.id} has no interactive object`);
  if (interactive.type === 'button_reply') {
    const reply = interactive.button_reply;
    if (!reply) throw invalid(`Interactive message ${message.id} has no button_reply`);
    return { type: 'button', payload: reply.id, title: reply.title, source: 'reply_button' };
  }
  if (interactive.type === 'list_reply') {
    const reply = interactive.list_reply;
    if (!reply) throw invalid(`Interactive message ${message.id} has no list_reply`);
    return { type: 'button', payload: reply.id, title: reply.title, source: 'list_row' };
  }
  return { type: 'unsupported', originalType: `interactive.${interactive.type}` };
}

function statusEvent(status: MetaStatus, phoneNumberId: string): WhatsAppStatusEvent | undefined {
  if (!DELIVERY_STATUSES.has(status.status)) return undefined;
  return {
    kind: 'status',
    phoneNumberId,
    providerMessageId: status.id,
    status: status.status as WhatsAppDeliveryStatus,
    recipientWaId: status.recipient_id,
    timestamp: isoOf(status.timestamp),
    errors: (status.errors ?? []).map(eventError),
  };
}

function eventError(error: MetaError): WhatsAppEventError {
  const classification = classifyMetaError({ metaCode: error.code });
  const result: WhatsAppEventError = {
    code: error.code,
    title: error.title ?? error.message ?? '',
    classification: classification.kind === 'retryable' ? 'retryable' : classification.reason,
  };
  if (error.error_data?.details) result.details = error.error_data.details;
  return result;
}

function brazilianE164(waId: string): string | undefined {
  return /^\d+$/.test(waId) ? tryNormalizePhone(`+${waId}`) : undefined;
}

function isoOf(unixSeconds: string): string {
  return new Date(Number(unixSeconds) * 1000).toISOString();
}

function invalid(
  message: string,
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> = [],
): InvalidWebhookPayloadError {
  return new InvalidWebhookPayloadError(
    message,
    issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`),
  );
}
