import { isRecord } from '#simulators/http-io';

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
    case 'template':
      return templateProblem(content);
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

/** Meta's limits on a template body parameter (error 132000 family answers 100 here, like the other checks). */
const TEMPLATE_TEXT_PARAMETER_MAX = 1024;

/**
 * The template components IRIS sends: one DOCUMENT (or IMAGE) header with an http(s) link, a body of text
 * parameters (non-empty, no newline or tab, no more than four consecutive spaces), URL and quick-reply buttons.
 */
function templateProblem(content: Record<string, unknown>): string | undefined {
  if (!nonEmpty(content.name)) return 'template.name required';
  const language = content.language;
  if (!isRecord(language) || !nonEmpty(language.code)) return 'template.language.code required';
  if (content.components === undefined) return undefined;
  if (!Array.isArray(content.components)) return 'template.components must be an array';
  const seen = new Set<string>();
  for (const component of content.components) {
    if (!isRecord(component) || !nonEmpty(component.type)) return 'template.components[].type required';
    const key = component.type === 'button' ? `button:${String(component.index)}` : component.type;
    if (seen.has(key)) return `template.components: ${key} given twice`;
    seen.add(key);
    const parameters = component.parameters;
    if (!Array.isArray(parameters) || parameters.length === 0) {
      return `template.components[${key}].parameters: at least one required`;
    }
    const problem = parameters.map((parameter) => parameterProblem(key, parameter)).find(Boolean);
    if (problem) return problem;
  }
  return undefined;
}

function parameterProblem(where: string, parameter: unknown): string | undefined {
  if (!isRecord(parameter) || !nonEmpty(parameter.type)) return `${where}: parameter type required`;
  switch (parameter.type) {
    case 'text': {
      const text = parameter.text;
      if (!nonEmpty(text) || text.length > TEMPLATE_TEXT_PARAMETER_MAX) {
        return `${where}: text parameter of 1-${TEMPLATE_TEXT_PARAMETER_MAX} characters required`;
      }
      if (/[\n\t]| {5,}/.test(text)) {
        return `${where}: Param text cannot have new-line/tab characters or more than 4 consecutive spaces`;
      }
      return undefined;
    }
    case 'document':
    case 'image': {
      const media = parameter[parameter.type];
      const link = isRecord(media) ? media.link : undefined;
      return nonEmpty(link) && /^https?:\/\//.test(link)
        ? undefined
        : `${where}: ${parameter.type}.link (http/https) required`;
    }
    case 'payload':
      return nonEmpty(parameter.payload) ? undefined : `${where}: payload required`;
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
