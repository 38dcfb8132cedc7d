import * as z from 'zod/mini';

const nonEmpty = () => z.string().check(z.minLength(1));

const content = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('audio'), mediaId: z.string(), mimeType: z.optional(z.string()) }),
  z.object({ type: z.literal('button'), payload: z.string(), title: z.string() }),
  z.object({
    type: z.literal('media'),
    kind: z.enum(['image', 'document']),
    mediaId: nonEmpty(),
    mimeType: nonEmpty(),
    filename: z.optional(z.string()),
    caption: z.optional(z.string()),
  }),
  z.object({ type: z.literal('unsupported'), originalType: z.string() }),
  z.object({ type: z.literal('recurring_issue'), planId: z.string(), period: z.string() }),
  z.object({ type: z.literal('collections_run'), runDate: z.string() }),
  z.object({ type: z.literal('api_charge'), requestId: z.string() }),
]);

const ownerMessage = z.object({
  messageId: nonEmpty(),
  from: nonEmpty(),
  content,
  receivedAt: z.string(),
});

const request = { tenantId: nonEmpty(), requestId: nonEmpty() };

/** The Payload every Task of the conversation workflow sends (see workflows/conversation-workflow.ts). */
export const conversationStepSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('interpret'), tenantId: nonEmpty(), message: ownerMessage }),
  z.object({ action: z.enum(['ask', 'confirm']), ...request, taskToken: nonEmpty() }),
  z.object({ action: z.enum(['merge', 'decide']), ...request, reply: ownerMessage }),
  z.object({ action: z.enum(['create', 'register', 'expire', 'wait_provider']), ...request }),
  z.object({
    action: z.literal('report_failure'),
    state: z.object({
      tenantId: nonEmpty(),
      message: z.optional(ownerMessage),
      step: z.optional(z.partial(z.object({ requestId: z.optional(z.string()) }))),
      error: z.optional(z.object({ Error: z.optional(z.string()), Cause: z.optional(z.string()) })),
    }),
  }),
]);

export type ConversationStepEvent = z.infer<typeof conversationStepSchema>;
