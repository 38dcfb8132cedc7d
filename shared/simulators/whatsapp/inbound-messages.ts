import { isRecord } from '#simulators/http-io';
import { encodeSimulatedSpeech } from '#simulators/openai/simulated-speech';

/**
 * What the control route accepts as "the user sends …", turned into the Cloud API message object Meta would
 * put in the webhook. Exactly one content field per message.
 */
export interface SimulatedInbound {
  /** Sender in E.164 (`+5511987654321`). */
  from: string;
  /** WhatsApp profile name (default `Cliente Simulação`). */
  name?: string;
  /** Override the wa_id Meta would report (e.g. without the 9th digit). */
  waId?: string;
  /** The sender's business-scoped user id (BSUID, e.g. `BR.1502576394655843`) Meta reports beside the phone. */
  userId?: string;
  /**
   * The sender adopted a username and hides their number: the webhook carries only `userId` (no `from`, no
   * `wa_id`) and this username. Requires `userId`.
   */
  username?: string;
  text?: string;
  /** Tap on an interactive reply button IRIS sent. */
  button?: { id: string; title: string };
  /** Tap on a template quick-reply button. */
  templateButton?: { payload: string; text: string };
  /**
   * Voice note or audio file; bytes as base64 (default: a few bytes of fake Ogg), or `transcript`: speech the
   * local OpenAI simulator transcribes to exactly those words (`#simulators/openai/simulated-speech`).
   */
  audio?: { mimeType?: string; base64?: string; transcript?: string; voice?: boolean };
  /**
   * A photo: `mime_type` (default `image/jpeg`) and the bytes as `content_base64` (default: a few bytes that
   * are not a readable picture), with an optional caption. `mimeType` is accepted for `mime_type`.
   */
  image?: SimulatedMedia;
  /** A file (PDF, CSV, XLSX…): `filename`, `mime_type` and `content_base64` are required. */
  document?: SimulatedMedia & { filename?: string };
  /** The wamid being replied to; button replies default to the last interactive message sent to `from`. */
  contextMessageId?: string;
}

export interface SimulatedMedia {
  mime_type?: string;
  mimeType?: string;
  content_base64?: string;
  caption?: string;
}

export type InboundContent =
  | { type: 'text'; text: string }
  | { type: 'button'; id: string; title: string }
  | { type: 'templateButton'; payload: string; text: string }
  | { type: 'audio'; mimeType: string; bytes: Buffer; voice: boolean }
  | { type: 'image'; mimeType: string; bytes: Buffer; caption?: string }
  | { type: 'document'; mimeType: string; bytes: Buffer; filename: string; caption?: string };

const FAKE_OGG = Buffer.from('OggS\u0000\u0002iris-simulated-voice-note', 'latin1');
const FAKE_JPEG = Buffer.from('\u00ff\u00d8\u00ff\u00e0simulated-jpeg', 'latin1');
const CONTENT_FIELDS = ['text', 'button', 'templateButton', 'audio', 'image', 'document'] as const;

export function contentOf(input: SimulatedInbound): InboundContent | string {
  const given = CONTENT_FIELDS.filter((key) => input[key] !== undefined);
  if (given.length !== 1) return `give exactly one of ${CONTENT_FIELDS.join(', ')}`;
  if (typeof input.text === 'string') return { type: 'text', text: input.text };
  if (input.button) {
    const { id, title } = input.button;
    return typeof id === 'string' && typeof title === 'string'
      ? { type: 'button', id, title }
      : 'button needs id and title';
  }
  if (input.templateButton) {
    const { payload, text } = input.templateButton;
    return typeof payload === 'string' && typeof text === 'string'
      ? { type: 'templateButton', payload, text }
      : 'templateButton needs payload and text';
  }
  if (input.audio) {
    const { base64, transcript } = input.audio;
    if (base64 !== undefined && transcript !== undefined) return 'audio takes base64 or transcript, not both';
    if (transcript !== undefined && (typeof transcript !== 'string' || transcript.trim() === '')) {
      return 'audio.transcript must be a non-empty string';
    }
    const bytes = transcript
      ? encodeSimulatedSpeech(transcript)
      : base64
        ? Buffer.from(base64, 'base64')
        : FAKE_OGG;
    return {
      type: 'audio',
      mimeType: input.audio.mimeType ?? 'audio/ogg; codecs=opus',
      bytes,
      voice: input.audio.voice ?? true,
    };
  }
  if (input.image) return imageOf(input.image);
  if (input.document) return documentOf(input.document);
  return 'text must be a string';
}

function imageOf(image: SimulatedMedia): InboundContent | string {
  const bytes = bytesOf(image.content_base64);
  if (typeof bytes === 'string') return `image.${bytes}`;
  const mimeType = image.mime_type ?? image.mimeType ?? 'image/jpeg';
  if (typeof mimeType !== 'string' || !mimeType.startsWith('image/'))
    return 'image.mime_type must be image/…';
  const content: InboundContent = { type: 'image', mimeType, bytes: bytes ?? FAKE_JPEG };
  if (typeof image.caption === 'string') content.caption = image.caption;
  return content;
}

function documentOf(document: SimulatedMedia & { filename?: string }): InboundContent | string {
  const bytes = bytesOf(document.content_base64);
  if (typeof bytes === 'string') return `document.${bytes}`;
  if (!bytes) return 'document.content_base64 is required';
  const mimeType = document.mime_type ?? document.mimeType;
  if (typeof mimeType !== 'string' || !/^[\w.+-]+\/[\w.+-]+$/.test(mimeType)) {
    return 'document.mime_type must be a MIME type such as application/pdf';
  }
  if (typeof document.filename !== 'string' || document.filename.trim() === '') {
    return 'document.filename is required';
  }
  const content: InboundContent = { type: 'document', mimeType, bytes, filename: document.filename };
  if (typeof document.caption === 'string') content.caption = document.caption;
  return content;
}

/** The decoded bytes, undefined when absent, or what is wrong with them. */
function bytesOf(base64: unknown): Buffer | undefined | string {
  if (base64 === undefined) return undefined;
  if (typeof base64 !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64.replace(/\s/g, ''))) {
    return 'content_base64 must be base64';
  }
  const bytes = Buffer.from(base64, 'base64');
  return bytes.length > 0 ? bytes : 'content_base64 is empty';
}

export function parseSimulatedInbound(body: unknown): SimulatedInbound | string {
  if (!isRecord(body)) return 'body must be a JSON object';
  if (
    body.userId !== undefined &&
    (typeof body.userId !== 'string' || !/^[A-Z]{2}\.[A-Za-z0-9.]{1,140}$/.test(body.userId))
  ) {
    return 'userId must be a business-scoped user id like BR.1502576394655843';
  }
  if (body.username !== undefined && (typeof body.username !== 'string' || body.userId === undefined)) {
    return 'username must be a string, and needs userId (the webhook then carries no phone)';
  }
  if (typeof body.from !== 'string' || !/^\+?[1-9]\d{7,14}$/.test(body.from.replace(/[\s()-]/g, ''))) {
    return 'from must be an E.164 phone number';
  }
  return body as unknown as SimulatedInbound;
}

/** The `messages[]` element Meta would send for this content. */
export function cloudApiMessage(
  content: InboundContent,
  meta: {
    id: string;
    /** Absent for a sender who hides their number (then `userId` identifies them). */
    waId?: string;
    userId?: string;
    timestampSeconds: number;
    context?: { from: string; id: string };
    mediaId?: string;
    sha256?: string;
  },
): Record<string, unknown> {
  const base: Record<string, unknown> = { id: meta.id, timestamp: String(meta.timestampSeconds) };
  if (meta.waId) base.from = meta.waId;
  if (meta.userId) base.from_user_id = meta.userId;
  if (meta.context) base.context = meta.context;
  switch (content.type) {
    case 'text':
      return { ...base, type: 'text', text: { body: content.text } };
    case 'button':
      return {
        ...base,
        type: 'interactive',
        interactive: { type: 'button_reply', button_reply: { id: content.id, title: content.title } },
      };
    case 'templateButton':
      return { ...base, type: 'button', button: { payload: content.payload, text: content.text } };
    case 'audio':
      return {
        ...base,
        type: 'audio',
        audio: { mime_type: content.mimeType, sha256: meta.sha256, id: meta.mediaId, voice: content.voice },
      };
    case 'image':
    case 'document': {
      const media: Record<string, unknown> = {
        mime_type: content.mimeType,
        sha256: meta.sha256,
        id: meta.mediaId,
      };
      if (content.type === 'document') media.filename = content.filename;
      if (content.caption) media.caption = content.caption;
      return { ...base, type: content.type, [content.type]: media };
    }
  }
}
