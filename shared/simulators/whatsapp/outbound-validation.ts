import { isRecord } from './http-io';

/** The checks Meta makes on a send request that matter to IRIS; failures answer code 100, as Meta does. */

export const FREE_FORM_TYPES = new Set([
  'text',
  'interactive',
  'document',
  'image',
  'audio',
  'video',
  'sticker',
  'location',
  'contacts',
  'reaction',
]);

/** Meta's business-scoped user id: two-letter country, a dot, alphanumerics (`BR.1502576394655843`). */
const BSUID = /^[A-Z]{2}\.[A-Za-z0-9.]{1,140}$/;

export type ValidatedSend = { ok: true; to: string; type: string } | { ok: false; details: string };

export function validateSendRequest(body: unknown): ValidatedSend {
  if (!isRecord(body)) return { ok: false, details: 'Request body must be a JSON object' };
  if (body.messaging_product !== 'whatsapp')
    return { ok: false, details: "messaging_product must be 'whatsapp'" };
  if (body.recipient_type !== undefined && body.recipient_type !== 'individual') {
    return { ok: false, details: "recipient_type must be 'individual'" };
  }
  // A business-scoped user id goes in `recipient` instead of a phone in `to` (`to` wins when both are given).
  const to = body.to ?? body.recipient;
  const isPhone = typeof to === 'string' && /^\+?[1-9]\d{7,14}$/.test(to);
  const isUserId = body.to === undefined && typeof to === 'string' && BSUID.test(to);
  if (typeof to !== 'string' || !(isPhone || isUserId))
    return { ok: false, details: 'to: invalid phone number (or recipient: invalid business-scoped user id)' };
  const type = typeof body.type === 'string' ? body.type : 'text';
  if (type !== 'template' && !FREE_FORM_TYPES.has(type))
    return { ok: false, details: `type: unsupported '${type}'` };
  const content = body[type];
  if (!isRecord(content)) return { ok: false, details: `${type}: object required` };
  const problem = contentProblem(type, content);
  return problem ? { ok: false, details: problem } : { ok: true, to, type };
}

function contentProblem(type: string, content: Record<string, unknown>): string | undefined {
  switch (type) {
    case 'text':
      return nonEmpty(content.body) && content.body.length <= 4096
        ? undefined
        : 'text.body: 1-4096 characters';
    case 'template': {
      const language = content.language;
      if (!nonEmpty(content.name)) return 'template.name required';
      return isRecord(language) && nonEmpty(language.code) ? undefined : 'template.language.code required';
    }
    case 'document':
      return nonEmpty(content.link) || nonEmpty(content.id)
        ? undefined
        : 'document.link or document.id required';
    case 'interactive':
      return interactiveProblem(content);
    default:
      return undefined;
  }
}

function interactiveProblem(content: Record<string, unknown>): string | undefined {
  if (!nonEmpty(content.type)) return 'interactive.type required';
  const body = content.body;
  if (!isRecord(body) || !nonEmpty(body.text)) return 'interactive.body.text required';
  if (content.type !== 'button') return undefined;
  const action = content.action;
  const buttons = isRecord(action) ? action.buttons : undefined;
  if (!Array.isArray(buttons) || buttons.length < 1 || buttons.length > 3) {
    return 'interactive.action.buttons: 1-3 buttons';
  }
  for (const button of buttons) {
    const reply = isRecord(button) ? button.reply : undefined;
    if (!isRecord(reply) || !nonEmpty(reply.id) || !nonEmpty(reply.title) || [...reply.title].length > 20) {
      return 'interactive.action.buttons[].reply: id and a title of 1-20 characters';
    }
  }
  return undefined;
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}
