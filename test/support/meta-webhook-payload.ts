/**
 * Meta's webhook envelope around one `messages` change for `phoneNumberId` (`value` carries `contacts` and
 * `messages`, or `statuses`): what every WhatsApp delivery a test builds shares.
 */
export function metaChangePayload(phoneNumberId: string, value: Record<string, unknown>) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '551140028922', phone_number_id: phoneNumberId },
              ...value,
            },
          },
        ],
      },
    ],
  };
}
