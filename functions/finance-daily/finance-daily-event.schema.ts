import * as z from 'zod/mini';

/** What the EventBridge Scheduler schedule sends (`{ source: 'iris.finance-daily', tenantId }`). */
export const financeDailyEventSchema = z.object({
  source: z.optional(z.string()),
  tenantId: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
});
