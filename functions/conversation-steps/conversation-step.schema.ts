import { z } from 'zod';

const content = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('audio'), mediaId: z.string(), mimeType: z.string().optional() }),
  z.object({ type: z.literal('button'), payload: z.string(), title: z.string() }),
  z.object({ type: z.literal('unsupported'), originalType: z.string() }),
]);

const ownerMessage = z.object({
  messageId: z.string().min(1),
  from: z.string().min(1),
  content,
  receivedAt: z.string(),
});

const request = { tenantId: z.string().min(1), requestId: z.string().min(1) };

/** The Payload every Task of the conversation workflow sends (see workflows/conversation-workflow.ts). */
export const conversationStepSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('interpret'), tenantId: z.string().min(1), message: ownerMessage }),
  z.object({ action: z.enum(['ask', 'confirm']), ...request, taskToken: z.string().min(1) }),
  z.object({ action: z.enum(['merge', 'decide']), ...request, reply: ownerMessage }),
  z.object({ action: z.enum(['create', 'register', 'expire', 'wait_provider']), ...request }),
  z.object({
    action: z.literal('report_failure'),
    state: z.object({
      tenantId: z.string().min(1),
      message: ownerMessage.optional(),
      step: z.object({ requestId: z.string().optional() }).partial().optional(),
      error: z.object({ Error: z.string().optional(), Cause: z.string().optional() }).optional(),
    }),
  }),
]);

export type ConversationStepEvent = z.infer<typeof conversationStepSchema>;
