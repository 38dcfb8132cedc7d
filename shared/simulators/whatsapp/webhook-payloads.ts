/**
 * Webhook bodies shaped like Meta's (`messages` field of a WhatsApp Business Account), serialised the way
 * Meta serialises them: compact, every non-ASCII character as `\uXXXX` and '/' as `\/`. The webhook must
 * verify the signature on these exact bytes, never on a re-serialisation.
 */

export interface BusinessNumber {
  wabaId: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
}

export function metaJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/\//g, '\\/');
}

function envelope(business: BusinessNumber, value: Record<string, unknown>): Record<string, unknown> {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: business.wabaId,
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: {
                display_phone_number: business.displayPhoneNumber,
                phone_number_id: business.phoneNumberId,
              },
              ...value,
            },
            field: 'messages',
          },
        ],
      },
    ],
  };
}

export function inboundMessagePayload(
  business: BusinessNumber,
  sender: { waId?: string; userId?: string; username?: string; profileName: string },
  message: Record<string, unknown>,
): Record<string, unknown> {
  const profile: Record<string, unknown> = { name: sender.profileName };
  if (sender.username) profile.username = sender.username;
  const contact: Record<string, unknown> = { profile };
  if (sender.waId) contact.wa_id = sender.waId;
  if (sender.userId) contact.user_id = sender.userId;
  return envelope(business, { contacts: [contact], messages: [message] });
}

export interface StatusInput {
  messageId: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  recipientWaId: string;
  timestampSeconds: number;
  errors?: Record<string, unknown>[];
}

export function statusPayload(business: BusinessNumber, input: StatusInput): Record<string, unknown> {
  const status: Record<string, unknown> = {
    id: input.messageId,
    status: input.status,
    timestamp: String(input.timestampSeconds),
    recipient_id: input.recipientWaId,
  };
  if (input.status === 'failed') {
    status.errors = input.errors ?? [];
  } else if (input.status !== 'read') {
    status.pricing = { billable: true, pricing_model: 'PMP', category: 'utility', type: 'regular' };
  }
  return envelope(business, { statuses: [status] });
}
