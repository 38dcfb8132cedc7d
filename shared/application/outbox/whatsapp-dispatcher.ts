import {
  type SentWhatsAppMessage,
  WhatsAppPermanentError,
  WhatsAppRetryableError,
  type WhatsAppSender,
} from '#application/ports/message-sender';
import type { CustomerServiceWindowStore } from '#application/ports/outbox-customer-window';
import type {
  OutboxMessage,
  OutboxMessageKind,
  TemplateFallback,
  WhatsAppContent,
} from '#domain/outbox-message';
import type { E164 } from '#domain/phone-number';
import {
  type ChannelDispatcher,
  DeliveryPermanentError,
  DeliveryRetryableError,
  type DispatchResult,
} from './channel-dispatcher';
import { isCustomerWindowOpen } from './delivery-policy';

/** An approved template with one body parameter that carries the message's text (config, per message kind). */
export interface GenericTemplate {
  name: string;
  languageCode: 'pt_BR';
}

export interface WhatsAppDispatchSettings {
  /** Free-form is used only while the window has at least this much left (clock skew, send time). */
  windowSafetyMarginMs: number;
  /** Used outside the window when the message carries no `template` of its own. */
  genericTemplates: Partial<Record<OutboxMessageKind, GenericTemplate>>;
}

/** Meta refuses template parameters with newlines, tabs or more than four consecutive spaces. */
const MAX_PARAMETER_LENGTH = 1000;

/**
 * WhatsApp delivery: free-form content inside the 24-hour customer-service window, the approved template
 * outside it (the message's own `template`, else the generic one for its kind). If Meta says the window is
 * closed after all (our record lags, or its clock differs), the same attempt falls back to the template.
 */
export class WhatsAppDispatcher implements ChannelDispatcher {
  readonly channel = 'whatsapp' as const;

  constructor(
    private readonly sender: WhatsAppSender,
    private readonly windows: CustomerServiceWindowStore,
    private readonly settings: WhatsAppDispatchSettings,
  ) {}

  async dispatch(message: OutboxMessage, now: Date): Promise<DispatchResult> {
    const content = message.content;
    if (content.type === 'email') {
      throw new DeliveryPermanentError('invalid_request', `outbox ${message.id}: e-mail content on WhatsApp`);
    }
    const to = message.recipient as E164;
    const lastInbound = message.forceTemplate
      ? undefined
      : await this.windows.lastInboundAt(message.tenantId, to);
    if (isCustomerWindowOpen(lastInbound, now, this.settings.windowSafetyMarginMs)) {
      try {
        return { ...(await translated(() => this.sendFreeForm(to, content))), sentAs: 'free_form' };
      } catch (error) {
        if (!(error instanceof DeliveryPermanentError && error.reason === 'outside_24h_window')) throw error;
      }
    }
    const template = this.templateFor(message, content);
    if (!template) {
      throw new DeliveryPermanentError(
        'no_template_outside_window',
        `outbox ${message.id} (${message.kind}): the 24-hour window is closed and no template is configured`,
      );
    }
    const result = await translated(() =>
      this.sender.sendTemplate({
        to,
        templateName: template.name,
        languageCode: 'pt_BR',
        parameters: template.parameters,
        ...(template.headerDocument ? { headerDocument: template.headerDocument } : {}),
      }),
    );
    return { ...result, sentAs: 'template' };
  }

  private sendFreeForm(to: E164, content: WhatsAppContent): Promise<SentWhatsAppMessage> {
    switch (content.type) {
      case 'text':
        return this.sender.sendText({ to, text: content.text });
      case 'buttons':
        return this.sender.sendInteractiveButtons({ to, body: content.text, buttons: content.buttons });
      case 'document':
        return this.sender.sendDocument({
          to,
          link: content.link,
          filename: content.filename,
          caption: content.caption,
        });
    }
  }

  private templateFor(
    message: OutboxMessage,
    content: WhatsAppContent,
  ): Omit<TemplateFallback, 'languageCode'> | undefined {
    const documentHeader =
      content.type === 'document'
        ? { headerDocument: { link: content.link, filename: content.filename } }
        : {};
    if (message.template) {
      return {
        name: message.template.name,
        parameters: message.template.parameters.map(templateParameter),
        ...documentHeader,
        ...(message.template.headerDocument ? { headerDocument: message.template.headerDocument } : {}),
      };
    }
    const generic = this.settings.genericTemplates[message.kind];
    if (!generic) return undefined;
    const text = content.type === 'document' ? content.caption : content.text;
    return { name: generic.name, parameters: [templateParameter(text)], ...documentHeader };
  }
}

/** One line, no runs of spaces, bounded: what Meta accepts as a template body parameter. */
export function templateParameter(text: string): string {
  const flat = text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  return flat.length <= MAX_PARAMETER_LENGTH ? flat : `${flat.slice(0, MAX_PARAMETER_LENGTH - 1)}…`;
}

async function translated(send: () => Promise<SentWhatsAppMessage>): Promise<DispatchResult> {
  try {
    const sent = await send();
    return { providerMessageId: sent.providerMessageId };
  } catch (error) {
    if (error instanceof WhatsAppRetryableError) {
      throw new DeliveryRetryableError(error.message, {
        retryAfterSeconds: error.retryAfterSeconds,
        outcomeUnknown: error.outcomeUnknown,
        cause: error,
      });
    }
    if (error instanceof WhatsAppPermanentError) {
      throw new DeliveryPermanentError(error.reason, error.message, { cause: error });
    }
    throw error;
  }
}
