import * as z from 'zod/mini';

/**
 * Paytime's webhook, read in two steps (parse leniently, act strictly). The envelope — an object with an
 * `event` name — is all a body must be to be acknowledged: Paytime sends events about establishments and
 * gateways too, and retries anything it does not get a 2xx for. Only a billet status event is then read
 * further: which billet and the status it claims (a hint only: the processor re-reads the billet from
 * Paytime's API). Unknown fields are ignored. zod/mini keeps the webhook's bundle small for its cold start
 * (Paytime waits 1 second).
 */
export const paytimeEnvelopeSchema = z.object({
  event: z.string().check(z.minLength(1), z.maxLength(100)),
  event_date: z.optional(z.string().check(z.maxLength(64))),
  data: z.optional(z.unknown()),
});

export const billetStatusDataSchema = z.object({
  _id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
  status: z.string().check(z.minLength(1), z.maxLength(40)),
});

/** The only event about an existing billet's life; `new-billet` (portal creations) and others are acknowledged. */
export const BILLET_STATUS_EVENT = 'updated-billet-status';

/** What an event that IRIS does not act on is counted as: its name, bounded to a sane metric dimension. */
export function ignoredEventKind(eventName: string): string {
  return /^[a-z0-9._-]{1,60}$/i.test(eventName) ? eventName : 'other';
}
