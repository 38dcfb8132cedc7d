/**
 * What SES tells us about an e-mail after it accepted it (the configuration set's event destination), and the
 * rules that follow (docs/decisions.md, "SES bounces and complaints"). Pure: no SDK, no I/O.
 */

export type EmailEventType = 'delivery' | 'bounce' | 'complaint' | 'reject' | 'delivery_delay';

/** SES `Permanent` is hard (the address does not exist); `Transient` and `Undetermined` are soft. */
export type BounceKind = 'hard' | 'soft';

export interface EmailEvent {
  /** The id SES returned from SendEmail (stored on the outbox message as its `providerMessageId`). */
  sesMessageId: string;
  type: EmailEventType;
  bounceKind?: BounceKind;
  /** The addresses this event is about (normalised: trimmed, lower-case). */
  recipients: string[];
  /** SES's own timestamp of the event (ISO-8601): with the type and recipient, what makes a replay a replay. */
  occurredAt: string;
}

/**
 * Why IRIS stops e-mailing an address of a tenant: `invalid` after a hard bounce, `suppressed` after a
 * complaint (the person marked it as spam). Suppressed outranks invalid: a complaint is the person's own word.
 */
export type EmailAddressStatus = 'invalid' | 'suppressed';

const RANK: Record<EmailAddressStatus, number> = { invalid: 1, suppressed: 2 };

/** What an e-mail became after SES accepted it, from its events (the worst one wins). */
export type EmailDeliveryStatus =
  | 'sent'
  | 'delayed'
  | 'delivered'
  | 'soft_bounced'
  | 'bounced'
  | 'rejected'
  | 'complained';

export function bounceKindOf(sesBounceType: string): BounceKind {
  return sesBounceType === 'Permanent' ? 'hard' : 'soft';
}

export function normaliseEmailAddress(address: string): string {
  return address.trim().toLowerCase();
}

/** The status an address moves to after `event`, or `undefined` when it does not change (soft bounces etc.). */
export function addressStatusAfter(
  event: Pick<EmailEvent, 'type' | 'bounceKind'>,
  current: EmailAddressStatus | undefined,
): EmailAddressStatus | undefined {
  const next = statusCausedBy(event);
  if (!next) return undefined;
  if (current && RANK[current] >= RANK[next]) return undefined;
  return next;
}

function statusCausedBy(event: Pick<EmailEvent, 'type' | 'bounceKind'>): EmailAddressStatus | undefined {
  if (event.type === 'complaint') return 'suppressed';
  if (event.type === 'bounce' && event.bounceKind === 'hard') return 'invalid';
  return undefined;
}

/** Is `status` at least as strong as `other`? (A contact already `suppressed` is not downgraded to `invalid`.) */
export function outranksOrEquals(status: EmailAddressStatus, other: EmailAddressStatus | undefined): boolean {
  return other === undefined ? true : RANK[status] >= RANK[other];
}

const DELIVERY_RANK: Record<EmailDeliveryStatus, number> = {
  sent: 0,
  delayed: 1,
  delivered: 2,
  soft_bounced: 3,
  bounced: 4,
  rejected: 4,
  complained: 5,
};

/**
 * One e-mail's status from its events: a complaint (it was delivered, and then reported) beats a bounce,
 * which beats a delivery; no event yet is `sent` (SES accepted it, nothing more is known).
 */
export function deliveryStatusOf(
  events: ReadonlyArray<Pick<EmailEvent, 'type' | 'bounceKind'>>,
): EmailDeliveryStatus {
  let status: EmailDeliveryStatus = 'sent';
  for (const event of events) {
    const candidate = deliveryStatusOfEvent(event);
    if (DELIVERY_RANK[candidate] > DELIVERY_RANK[status]) status = candidate;
  }
  return status;
}

function deliveryStatusOfEvent(event: Pick<EmailEvent, 'type' | 'bounceKind'>): EmailDeliveryStatus {
  switch (event.type) {
    case 'delivery':
      return 'delivered';
    case 'delivery_delay':
      return 'delayed';
    case 'reject':
      return 'rejected';
    case 'complaint':
      return 'complained';
    case 'bounce':
      return event.bounceKind === 'hard' ? 'bounced' : 'soft_bounced';
  }
}
