import * as z from 'zod/mini';

/** What the reminder loop's Tasks send (`workflows/reminder-loop-workflow.ts`). */
const turn = {
  tenantId: z.string().check(z.minLength(1)),
  boletoId: z.string().check(z.minLength(1)),
  turn: z.number().check(z.int(), z.nonnegative()),
  scheduledAt: z.string().check(z.minLength(1)),
};

export const reminderStepEventSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('remind'), ...turn }),
  z.object({
    action: z.literal('record_failure'),
    ...turn,
    error: z.optional(z.object({ Error: z.optional(z.string()), Cause: z.optional(z.string()) })),
  }),
]);

export type ReminderStepEvent = z.infer<typeof reminderStepEventSchema>;
