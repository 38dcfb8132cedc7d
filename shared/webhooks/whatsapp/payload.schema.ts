import * as z from 'zod/mini';

/**
 * Meta's WhatsApp Cloud API webhook payload (`messages` field), as far as IRIS reads it. Built with
 * `zod/mini` to keep the webhook Lambda's bundle small (DESIGN §8). Unknown keys are ignored (Meta adds
 * fields over time); the per-type message content is optional here and checked when normalising, so a
 * message type Meta introduces tomorrow still parses and becomes `unsupported`.
 */

const nonEmpty = () => z.string().check(z.minLength(1));

/** Unix seconds as a decimal string, as Meta sends every timestamp. */
const unixSeconds = () => z.string().check(z.regex(/^\d{1,12}$/));

export const metaErrorSchema = z.object({
  code: z.number(),
  title: z.optional(z.string()),
  message: z.optional(z.string()),
  error_data: z.optional(z.object({ details: z.optional(z.string()) })),
  href: z.optional(z.string()),
});

const mediaSchema = z.object({
  id: nonEmpty(),
  mime_type: nonEmpty(),
  sha256: z.optional(z.string()),
  voice: z.optional(z.boolean()),
});

const replySchema = z.object({ id: nonEmpty(), title: z.string(), description: z.optional(z.string()) });

export const inboundMessageSchema = z.object({
  from: nonEmpty(),
  id: nonEmpty(),
  timestamp: unixSeconds(),
  type: nonEmpty(),
  context: z.optional(z.object({ from: z.optional(z.string()), id: z.optional(z.string()) })),
  text: z.optional(z.object({ body: z.string() })),
  audio: z.optional(mediaSchema),
  interactive: z.optional(
    z.object({
      type: nonEmpty(),
      button_reply: z.optional(replySchema),
      list_reply: z.optional(replySchema),
    }),
  ),
  button: z.optional(z.object({ payload: z.string(), text: z.string() })),
  errors: z.optional(z.array(metaErrorSchema)),
});

export const statusSchema = z.object({
  id: nonEmpty(),
  status: nonEmpty(),
  timestamp: unixSeconds(),
  recipient_id: nonEmpty(),
  errors: z.optional(z.array(metaErrorSchema)),
  biz_opaque_callback_data: z.optional(z.string()),
});

export const changeValueSchema = z.object({
  messaging_product: z.literal('whatsapp'),
  metadata: z.object({ display_phone_number: z.string(), phone_number_id: nonEmpty() }),
  contacts: z.optional(
    z.array(
      z.object({
        wa_id: z.optional(z.string()),
        profile: z.optional(z.object({ name: z.optional(z.string()) })),
      }),
    ),
  ),
  messages: z.optional(z.array(inboundMessageSchema)),
  statuses: z.optional(z.array(statusSchema)),
  errors: z.optional(z.array(metaErrorSchema)),
});

/** A change of any field: only `messages` changes are read; others are skipped, not rejected. */
export const changeSchema = z.object({ field: nonEmpty(), value: z.unknown() });

export const webhookPayloadSchema = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(z.object({ id: z.string(), changes: z.array(changeSchema) })).check(z.minLength(1)),
});

export type MetaWebhookPayload = z.infer<typeof webhookPayloadSchema>;
export type MetaChangeValue = z.infer<typeof changeValueSchema>;
export type MetaInboundMessage = z.infer<typeof inboundMessageSchema>;
export type MetaStatus = z.infer<typeof statusSchema>;
export type MetaError = z.infer<typeof metaErrorSchema>;
