import { metaChangePayload } from '#test/support/meta-webhook-payload';

/** A Cloud API status callback ("read") for a message IRIS sent to the demo owner, as Meta would post it. */
export function statusWebhookPayload(messageId: string, nowMs: number): string {
  return JSON.stringify(
    metaChangePayload('109876543210987', {
      statuses: [
        {
          id: messageId,
          status: 'read',
          timestamp: String(Math.floor(nowMs / 1000)),
          recipient_id: '5511999990001',
        },
      ],
    }),
  );
}
