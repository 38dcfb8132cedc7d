import * as z from 'zod/mini';

/**
 * Meta's WhatsApp Cloud API webhook payload, as far as IRIS reads it. Built with `zod/mini` to keep the
 * webhook Lambda's bundle small (DESIGN §8).
 *
 * Parse leniently, act strictly: only the envelope (`object` + an `entry` array) is required of a body; every
 * entry, change, message and status below it is read on its own (`safeParse`), so one item IRIS cannot read
 * never costs the others. Unknown keys are ignored (Meta adds fields over time), timestamps may be strings or
 * numbers, and the per-type content is optional here and checked when normalising.
 */

const nonEmpty = () => z.string().check(z.minLength(1));

/** Unix seconds, as a decimal string (Meta's usual form) or a JSON number (system messages, some replies). */
export const unixSecondsSchema = z.union([
  z.string().check(z.regex(/^\d{1,12}$/)),
  z.int().check(z.gte(0), z.lte(999_999_999_999)),
]);

export const metaErrorSchema = z.object({
  code: z.number(),
  title: z.optional(z.string()),
  message: z.optional(z.string()),
  error_data: z.optional(z.object({ details: z.optional(z.string()) })),
  href: z.optional(z.string()),
});

export const mediaSchema = z.object({
  id: nonEmpty(),
  mime_type: nonEmpty(),
  sha256: z.optional(z.string()),
  voice: z.optional(z.boolean()),
  /** Images and documents: the text typed with them. */
  caption: z.optional(z.string()),
  /** Documents: the file name as sent. */
  filename: z.optional(z.string()),
});

export const replySchema = z.object({
  id: nonEmpty(),
  title: z.string(),
  description: z.optional(z.string()),
});

/** A WhatsApp Flow's answer: `response_json` is a JSON string holding at least the `flow_token` IRIS set. */
export const flowReplySchema = z.object({
  response_json: z.optional(z.string()),
  body: z.optional(z.string()),
  name: z.optional(z.string()),
});

export const templateButtonSchema = z.object({ payload: z.string(), text: z.string() });

/** `system` messages: a changed number (`user_changed_number`) or business-scoped id (`user_changed_user_id`). */
export const systemSchema = z.object({
  type: z.optional(z.string()),
  body: z.optional(z.string()),
  wa_id: z.optional(z.string()),
  new_wa_id: z.optional(z.string()),
  user_id: z.optional(z.string()),
  new_user_id: z.optional(z.string()),
  customer: z.optional(z.string()),
});

/** One element of `messages[]`: a sender by phone (`from`) or only by business-scoped user id. */
export const inboundMessageSchema = z.object({
  id: nonEmpty(),
  timestamp: unixSecondsSchema,
  type: nonEmpty(),
  from: z.optional(z.string()),
  from_user_id: z.optional(z.string()),
  from_parent_user_id: z.optional(z.string()),
  context: z.optional(z.object({ from: z.optional(z.string()), id: z.optional(z.string()) })),
  errors: z.optional(z.array(metaErrorSchema)),
});

export const statusSchema = z.object({
  id: nonEmpty(),
  status: nonEmpty(),
  timestamp: unixSecondsSchema,
  recipient_id: z.optional(z.string()),
  recipient_user_id: z.optional(z.string()),
  errors: z.optional(z.array(metaErrorSchema)),
});

export const contactSchema = z.object({
  wa_id: z.optional(z.string()),
  user_id: z.optional(z.string()),
  parent_user_id: z.optional(z.string()),
  profile: z.optional(z.object({ name: z.optional(z.string()), username: z.optional(z.string()) })),
});

/** The value of a `messages` change, without its arrays (each of their items is read on its own). */
export const changeValueSchema = z.object({
  messaging_product: z.literal('whatsapp'),
  metadata: z.object({ display_phone_number: z.optional(z.string()), phone_number_id: nonEmpty() }),
  contacts: z.optional(z.array(z.unknown())),
  messages: z.optional(z.array(z.unknown())),
  statuses: z.optional(z.array(z.unknown())),
  errors: z.optional(z.array(z.unknown())),
});

export const changeSchema = z.object({ field: nonEmpty(), value: z.unknown() });

export const entrySchema = z.object({ id: z.optional(z.string()), changes: z.array(z.unknown()) });

/** The envelope: what makes a body a WhatsApp Business Account webhook at all (else 400). */
export const webhookEnvelopeSchema = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(z.unknown()),
});

export type MetaChangeValue = z.infer<typeof changeValueSchema>;
export type MetaInboundMessage = z.infer<typeof inboundMessageSchema>;
export type MetaStatus = z.infer<typeof statusSchema>;
export type MetaError = z.infer<typeof metaErrorSchema>;
export type MetaContact = z.infer<typeof contactSchema>;
