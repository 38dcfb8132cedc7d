import {
  type SendDocumentInput,
  type SendInteractiveButtonsInput,
  type SendTemplateInput,
  type SendTextInput,
  WhatsAppPermanentError,
} from '#application/ports/message-sender';

/**
 * Request bodies of `POST /{version}/{phone-number-id}/messages`, built from the port's inputs. Inputs that
 * Meta would reject anyway are refused here as `WhatsAppPermanentError('invalid_request')`, before a call.
 */

type CloudApiMessage = Record<string, unknown>;

const TEXT_MAX = 4096;
const INTERACTIVE_BODY_MAX = 1024;
const BUTTON_TITLE_MAX = 20;
const BUTTON_ID_MAX = 256;
const CAPTION_MAX = 1024;

/** Meta's `to`: the number's digits, country code first, no '+'. */
export function recipientDigits(to: string): string {
  const digits = to.startsWith('+') ? to.slice(1) : to;
  if (!/^[1-9]\d{7,14}$/.test(digits)) {
    throw new WhatsAppPermanentError(
      'invalid_recipient',
      `Recipient is not an E.164 phone number: ${mask(to)}`,
    );
  }
  return digits;
}

/** A WhatsApp business-scoped user id (BSUID): two-letter country, a dot, alphanumerics (`BR.1502576394655843`). */
const BUSINESS_SCOPED_USER_ID = /^[A-Z]{2}\.[A-Za-z0-9.]{1,140}$/;

/** A phone goes in `to`; a business-scoped user id (a person who hides their number) in `recipient`. */
function envelope(to: string, type: string, content: Record<string, unknown>): CloudApiMessage {
  const address = BUSINESS_SCOPED_USER_ID.test(to) ? { recipient: to } : { to: recipientDigits(to) };
  return { messaging_product: 'whatsapp', recipient_type: 'individual', ...address, type, ...content };
}

export function textMessage(input: SendTextInput): CloudApiMessage {
  requireLength('text', input.text, 1, TEXT_MAX);
  return envelope(input.to, 'text', { text: { preview_url: input.previewUrl ?? false, body: input.text } });
}

export function templateMessage(input: SendTemplateInput): CloudApiMessage {
  requireLength('templateName', input.templateName, 1, 512);
  const components: Record<string, unknown>[] = [];
  if (input.headerDocument) {
    components.push({
      type: 'header',
      parameters: [
        {
          type: 'document',
          document: { link: input.headerDocument.link, filename: input.headerDocument.filename },
        },
      ],
    });
  }
  if (input.parameters.length > 0) {
    components.push({
      type: 'body',
      parameters: input.parameters.map((text, index) => {
        requireLength(`parameters[${index}]`, text, 1, TEXT_MAX);
        return { type: 'text', text };
      }),
    });
  }
  (input.buttons ?? []).forEach((button, index) => {
    components.push(
      button.type === 'quick_reply'
        ? {
            type: 'button',
            sub_type: 'quick_reply',
            index: String(index),
            parameters: [{ type: 'payload', payload: button.payload }],
          }
        : {
            type: 'button',
            sub_type: 'url',
            index: String(index),
            parameters: [{ type: 'text', text: button.text }],
          },
    );
  });
  const template: Record<string, unknown> = {
    name: input.templateName,
    language: { code: input.languageCode },
  };
  if (components.length > 0) template.components = components;
  return envelope(input.to, 'template', { template });
}

export function documentMessage(input: SendDocumentInput): CloudApiMessage {
  if (!/^https?:\/\//.test(input.link)) invalidRequest('document link must be an http(s) URL');
  requireLength('filename', input.filename, 1, 240);
  const document: Record<string, unknown> = { link: input.link, filename: input.filename };
  if (input.caption !== undefined) {
    requireLength('caption', input.caption, 1, CAPTION_MAX);
    document.caption = input.caption;
  }
  return envelope(input.to, 'document', { document });
}

export function interactiveButtonsMessage(input: SendInteractiveButtonsInput): CloudApiMessage {
  requireLength('body', input.body, 1, INTERACTIVE_BODY_MAX);
  if (input.buttons.length < 1 || input.buttons.length > 3) invalidRequest('between 1 and 3 reply buttons');
  const ids = new Set(input.buttons.map((button) => button.id));
  if (ids.size !== input.buttons.length) invalidRequest('reply button ids must be unique');
  const buttons = input.buttons.map((button, index) => {
    requireLength(`buttons[${index}].id`, button.id, 1, BUTTON_ID_MAX);
    requireLength(`buttons[${index}].title`, button.title, 1, BUTTON_TITLE_MAX);
    return { type: 'reply', reply: { id: button.id, title: button.title } };
  });
  return envelope(input.to, 'interactive', {
    interactive: { type: 'button', body: { text: input.body }, action: { buttons } },
  });
}

function requireLength(field: string, value: string, min: number, max: number): void {
  const length = [...value].length;
  if (length < min || length > max)
    invalidRequest(`${field} must have ${min}-${max} characters (has ${length})`);
}

function invalidRequest(message: string): never {
  throw new WhatsAppPermanentError('invalid_request', `Invalid WhatsApp message: ${message}`);
}

function mask(value: string): string {
  return value.length <= 4 ? '****' : `${value.slice(0, 4)}****`;
}
