/**
 * A WhatsApp conversation as the console shows it: the simulator's records (Cloud API request bodies IRIS
 * sent, webhook messages the person sent) turned into chat bubbles with text and reply buttons.
 */

export interface ChatButton {
  id: string;
  title: string;
}

export interface ChatBubble {
  direction: 'inbound' | 'outbound';
  messageId?: string;
  at: string;
  kind: string;
  text: string;
  buttons?: ChatButton[];
  /** Outbound documents (and templates with a document header): the file's link, for the console to open. */
  link?: string;
  /** Outbound only: refused by the (simulated) Cloud API. */
  error?: string;
}

/** The simulator's conversation records, as its control route returns them. */
export interface SimulatorRecord {
  direction: 'inbound' | 'outbound';
  messageId?: string;
  type: string;
  request?: Record<string, unknown>;
  message?: Record<string, unknown>;
  receivedAtMs?: number;
  sentAtMs?: number;
  accepted?: boolean;
  error?: { code: number; message: string };
}

type Json = Record<string, unknown>;

function record(value: unknown): Json {
  return typeof value === 'object' && value !== null ? (value as Json) : {};
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function toChatBubble(entry: SimulatorRecord): ChatBubble {
  const atMs = entry.direction === 'inbound' ? entry.sentAtMs : entry.receivedAtMs;
  const at = new Date(atMs ?? 0).toISOString();
  if (entry.direction === 'inbound') {
    const message = record(entry.message);
    return {
      direction: 'inbound',
      messageId: entry.messageId,
      at,
      kind: entry.type,
      text: inboundText(message),
    };
  }
  const bubble: ChatBubble = {
    direction: 'outbound',
    at,
    kind: entry.type,
    ...outboundContent(entry.request),
  };
  if (entry.messageId) bubble.messageId = entry.messageId;
  if (entry.accepted === false) bubble.error = entry.error?.message ?? 'recusada';
  return bubble;
}

function inboundText(message: Json): string {
  switch (message.type) {
    case 'text':
      return text(record(message.text).body);
    case 'interactive': {
      const interactive = record(message.interactive);
      return text(record(interactive.button_reply).title) || text(record(interactive.list_reply).title);
    }
    case 'button':
      return text(record(message.button).text);
    case 'audio':
      return '🎤 mensagem de voz';
    case 'image':
      return `📷 ${text(record(message.image).caption)}`.trim();
    case 'document': {
      const document = record(message.document);
      return `📄 ${text(document.filename)} ${text(document.caption)}`.trim();
    }
    default:
      return `(${String(message.type)})`;
  }
}

function outboundContent(request: Json | undefined): { text: string; buttons?: ChatButton[]; link?: string } {
  const body = record(request);
  switch (body.type) {
    case 'text':
      return { text: text(record(body.text).body) };
    case 'interactive': {
      const interactive = record(body.interactive);
      const listed = record(interactive.action).buttons;
      const buttons: ChatButton[] = (Array.isArray(listed) ? listed : [])
        .map((button: unknown) => record(record(button).reply))
        .map((reply) => ({ id: text(reply.id), title: text(reply.title) }));
      return { text: text(record(interactive.body).text), buttons };
    }
    case 'template': {
      const template = record(body.template);
      const components = Array.isArray(template.components) ? template.components : [];
      const parameters = components
        .flatMap((component: unknown) => {
          const parts = record(component).parameters;
          return Array.isArray(parts) ? parts : [];
        })
        .map((parameter: unknown) => text(record(parameter).text))
        .filter(Boolean);
      const header = components
        .map((component: unknown) => record(component))
        .find((component) => component.type === 'header');
      const headerDocument = record(
        record((Array.isArray(header?.parameters) ? header.parameters : [])[0]).document,
      );
      // Outside the 24-hour window IRIS sends an approved template: shown as its parameters.
      return {
        text: `📋 ${text(template.name)}${parameters.length ? `: ${parameters.join(' · ')}` : ''}`,
        ...(text(headerDocument.link) && { link: text(headerDocument.link) }),
      };
    }
    case 'document': {
      const document = record(body.document);
      return {
        text: `📄 ${text(document.filename)} ${text(document.caption)}`.trim(),
        ...(text(document.link) && { link: text(document.link) }),
      };
    }
    default:
      return { text: `(${String(body.type)})` };
  }
}
