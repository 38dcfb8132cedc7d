/** A Cloud API status callback ("read") for a message IRIS sent to the demo owner, as Meta would post it. */
export function statusWebhookPayload(messageId: string, nowMs: number): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '551140028922', phone_number_id: '109876543210987' },
              statuses: [
                {
                  id: messageId,
                  status: 'read',
                  timestamp: String(Math.floor(nowMs / 1000)),
                  recipient_id: '5511999990001',
                },
              ],
            },
          },
        ],
      },
    ],
  });
}
