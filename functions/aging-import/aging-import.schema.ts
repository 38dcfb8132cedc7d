import * as z from 'zod/mini';

/** What the aging import workflow's Tasks send (`workflows/aging-import-workflow.ts`). */
const id = z.string().check(z.minLength(1), z.maxLength(200));

/** The execution's input (extra fields the workflow added, such as `$.claim`, are dropped). */
export const agingImportRequestSchema = z.object({
  tenantId: id,
  importId: id,
  objectKey: z.string().check(z.minLength(1), z.maxLength(1024)),
  contentSha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  filename: z.string().check(z.minLength(1), z.maxLength(300)),
  requestedBy: id,
  messageId: id,
});

export const agingImportEventSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.enum(['claim', 'normalise', 'close_vanished', 'derive_aging', 'report_failure']),
    request: agingImportRequestSchema,
  }),
  z.object({
    action: z.literal('report'),
    request: agingImportRequestSchema,
    claim: z.enum(['claimed', 'duplicate', 'busy']),
  }),
  z.object({
    action: z.literal('apply_batch'),
    tenantId: id,
    importId: id,
    items: z.array(z.record(z.string(), z.unknown())).check(z.maxLength(1_000)),
  }),
]);

export type AgingImportEvent = z.infer<typeof agingImportEventSchema>;
