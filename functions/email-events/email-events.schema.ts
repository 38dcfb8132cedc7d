import * as z from 'zod/mini';
import { bounceKindOf, type EmailEvent, normaliseEmailAddress } from '#domain/email-events';

/**
 * An SES event as the configuration set's EventBridge destination delivers it (`source: aws.ses`, the SES
 * event record in `detail`). Only what IRIS uses is checked; the rest passes. The SES message id is the one
 * SendEmail returned; each kind names its own recipients and timestamp (Reject has neither: the mail's).
 */
const recipientList = z.array(z.object({ emailAddress: z.string().check(z.minLength(3)) }));
const timestamp = z.string().check(z.minLength(10));

export const sesEventBridgeEventSchema = z.looseObject({
  source: z.literal('aws.ses'),
  'detail-type': z.string(),
  detail: z.looseObject({
    eventType: z.string(),
    mail: z.looseObject({
      messageId: z.string().check(z.minLength(1)),
      timestamp,
      destination: z.array(z.string()),
      tags: z.optional(z.record(z.string(), z.array(z.string()))),
    }),
    delivery: z.optional(z.looseObject({ timestamp, recipients: z.array(z.string()) })),
    bounce: z.optional(
      z.looseObject({ bounceType: z.string(), timestamp, bouncedRecipients: recipientList }),
    ),
    complaint: z.optional(z.looseObject({ timestamp, complainedRecipients: recipientList })),
    deliveryDelay: z.optional(z.looseObject({ timestamp, delayedRecipients: recipientList })),
    reject: z.optional(z.looseObject({ reason: z.optional(z.string()) })),
  }),
});

export type SesEventBridgeEvent = z.infer<typeof sesEventBridgeEventSchema>;

export class SesEventShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SesEventShapeError';
  }
}

/**
 * The domain event, or `undefined` for kinds IRIS does not act on (Send, Open, Click, Rendering Failure, …).
 * Throws `SesEventShapeError` when the kind's own part is missing.
 */
export function toEmailEvent(event: SesEventBridgeEvent): EmailEvent | undefined {
  const { detail } = event;
  const sesMessageId = detail.mail.messageId;
  const emails = (list: ReadonlyArray<{ emailAddress: string }>) =>
    list.map((recipient) => normaliseEmailAddress(recipient.emailAddress));
  const part = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new SesEventShapeError(`${detail.eventType} event without "${name}"`);
    return value;
  };
  switch (detail.eventType) {
    case 'Delivery': {
      const delivery = part(detail.delivery, 'delivery');
      const recipients = delivery.recipients.map(normaliseEmailAddress);
      return { sesMessageId, type: 'delivery', recipients, occurredAt: delivery.timestamp };
    }
    case 'Bounce': {
      const bounce = part(detail.bounce, 'bounce');
      return {
        sesMessageId,
        type: 'bounce',
        bounceKind: bounceKindOf(bounce.bounceType),
        recipients: emails(bounce.bouncedRecipients),
        occurredAt: bounce.timestamp,
      };
    }
    case 'Complaint': {
      const complaint = part(detail.complaint, 'complaint');
      const recipients = emails(complaint.complainedRecipients);
      return { sesMessageId, type: 'complaint', recipients, occurredAt: complaint.timestamp };
    }
    case 'DeliveryDelay': {
      const delay = part(detail.deliveryDelay, 'deliveryDelay');
      const recipients = emails(delay.delayedRecipients);
      return { sesMessageId, type: 'delivery_delay', recipients, occurredAt: delay.timestamp };
    }
    case 'Reject': {
      const recipients = detail.mail.destination.map(normaliseEmailAddress);
      return { sesMessageId, type: 'reject', recipients, occurredAt: detail.mail.timestamp };
    }
    default:
      return undefined;
  }
}
