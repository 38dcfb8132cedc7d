import { classifyMetaError } from '#adapters/whatsapp/meta-error-codes';
import type { InboundMessageContent, WhatsAppEventError } from './inbound-event';
import {
  flowReplySchema,
  type MetaError,
  type MetaInboundMessage,
  mediaSchema,
  replySchema,
  templateButtonSchema,
} from './payload.schema';

/**
 * What one inbound message says, reduced to what IRIS understands. Never throws: content IRIS cannot read
 * becomes `undeliverable` (the person tried to say something: ask them to resend as text), `notice` (nothing
 * to answer) or `unsupported` (a kind IRIS does not read yet).
 */

/** Meta's message types that say nothing to answer: recorded, never answered. */
const NOTICE_TYPES: ReadonlySet<string> = new Set([
  'reaction',
  'edit',
  'revoke',
  'deleted',
  'system',
  'ephemeral',
  'request_welcome',
  'unsupported_notice',
]);

/** The raw message object (with its per-type fields) beside its parsed head. */
export type RawMessage = Record<string, unknown>;

export function contentOf(message: MetaInboundMessage, raw: RawMessage): InboundMessageContent {
  const errors = (message.errors ?? []).map(eventErrorOf);
  if (message.type === 'unsupported' || errors.length > 0) {
    return { type: 'undeliverable', originalType: message.type, errors };
  }
  if (NOTICE_TYPES.has(message.type)) return { type: 'notice', originalType: message.type };
  switch (message.type) {
    case 'text': {
      const text = raw.text as { body?: unknown } | undefined;
      return typeof text?.body === 'string' ? { type: 'text', text: text.body } : undeliverable(message.type);
    }
    case 'audio': {
      const audio = mediaSchema.safeParse(raw.audio);
      if (!audio.success) return undeliverable(message.type);
      return {
        type: 'audio',
        mediaId: audio.data.id,
        mimeType: audio.data.mime_type,
        voice: audio.data.voice ?? false,
      };
    }
    case 'image':
    case 'document':
      return mediaContentOf(message.type, message.type === 'image' ? raw.image : raw.document);
    case 'button': {
      const button = templateButtonSchema.safeParse(raw.button);
      if (!button.success) return undeliverable(message.type);
      return {
        type: 'button',
        payload: button.data.payload,
        title: button.data.text,
        source: 'template_button',
      };
    }
    case 'interactive':
      return interactiveContentOf(raw.interactive);
    default:
      return { type: 'unsupported', originalType: message.type };
  }
}

function mediaContentOf(kind: 'image' | 'document', value: unknown): InboundMessageContent {
  const media = mediaSchema.safeParse(value);
  if (!media.success) return undeliverable(kind);
  const content: InboundMessageContent = {
    type: 'media',
    kind,
    mediaId: media.data.id,
    mimeType: media.data.mime_type,
  };
  const filename = media.data.filename?.trim();
  if (kind === 'document' && filename) content.filename = filename;
  const caption = media.data.caption?.trim();
  if (caption) content.caption = caption;
  return content;
}

function interactiveContentOf(value: unknown): InboundMessageContent {
  const interactive = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const type = typeof interactive.type === 'string' ? interactive.type : 'unknown';
  const originalType = `interactive.${type}`;
  if (type === 'button_reply' || type === 'list_reply') {
    const reply = replySchema.safeParse(interactive[type]);
    if (!reply.success) return undeliverable(originalType);
    const source = type === 'button_reply' ? 'reply_button' : 'list_row';
    return { type: 'button', payload: reply.data.id, title: reply.data.title, source };
  }
  if (type === 'nfm_reply') {
    const flow = flowReplySchema.safeParse(interactive.nfm_reply);
    if (!flow.success) return undeliverable(originalType);
    return {
      type: 'button',
      payload: flowTokenOf(flow.data.response_json) ?? `flow:${flow.data.name ?? 'unknown'}`,
      title: flow.data.body ?? 'Enviado',
      source: 'flow_reply',
    };
  }
  return { type: 'unsupported', originalType };
}

/** The `flow_token` inside a Flow's `response_json` string, when it is JSON and carries one. */
function flowTokenOf(responseJson: string | undefined): string | undefined {
  if (!responseJson) return undefined;
  try {
    const parsed: unknown = JSON.parse(responseJson);
    const token = (parsed as { flow_token?: unknown } | null)?.flow_token;
    return typeof token === 'string' && token.length > 0 ? token : undefined;
  } catch {
    return undefined;
  }
}

function undeliverable(originalType: string): InboundMessageContent {
  return { type: 'undeliverable', originalType, errors: [] };
}

export function eventErrorOf(error: MetaError): WhatsAppEventError {
  const classification = classifyMetaError({ metaCode: error.code });
  const result: WhatsAppEventError = {
    code: error.code,
    title: error.title ?? error.message ?? '',
    classification: classification.kind === 'retryable' ? 'retryable' : classification.reason,
  };
  if (error.error_data?.details) result.details = error.error_data.details;
  return result;
}
