import * as z from 'zod/mini';

/** What the tenant's report schedule sends (`ReportScheduleEvent`). */
export const reportEventSchema = z.object({
  source: z.literal('iris.report'),
  tenantId: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
  cadence: z.enum(['monthly', 'weekly']),
});
