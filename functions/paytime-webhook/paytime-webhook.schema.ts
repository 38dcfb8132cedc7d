import * as z from 'zod/mini';

/**
 * The part of Paytime's webhook IRIS reads: which billet, which event, the status it claims (a hint only:
 * the processor re-reads the billet from Paytime's API). Unknown fields are ignored. zod/mini keeps the
 * webhook's bundle small for its cold start (Paytime waits 1 second).
 */
export const paytimeWebhookSchema = z.object({
  event: z.string().check(z.minLength(1), z.maxLength(100)),
  event_date: z.optional(z.string().check(z.maxLength(64))),
  data: z.object({
    _id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
    status: z.string().check(z.minLength(1), z.maxLength(40)),
  }),
});

export type PaytimeWebhook = z.infer<typeof paytimeWebhookSchema>;

/** The only event about an existing billet's life; `new-billet` (portal creations) and others are acknowledged. */
export const BILLET_STATUS_EVENT = 'updated-billet-status';
