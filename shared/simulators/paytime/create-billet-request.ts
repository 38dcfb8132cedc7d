import { z } from 'zod';
import { isCalendarDate } from '#domain/calendar-date';
import { MAX_BOLETO_AMOUNT_CENTS } from '#domain/febraban-barcode';
import { isValidTaxId } from '#domain/tax-id';

/**
 * The body of `POST /v1/marketplace/billets` as the simulator validates it (Paytime's published request
 * sample; required fields as its docs list them). A failure answers 422 with one message per problem.
 */

const calendarDateText = z.string().refine(isCalendarDate, 'must be a date (YYYY-MM-DD)');

const addressSchema = z.object({
  street: z.string().min(1),
  number: z.string().min(1),
  complement: z.string().optional(),
  neighborhood: z.string().min(1),
  city: z.string().min(1),
  state: z.string().length(2),
  zip_code: z.string().regex(/^\d{8}$/, 'must be 8 digits'),
});

export const createBilletRequestSchema = z
  .object({
    amount: z.number().int().min(1).max(MAX_BOLETO_AMOUNT_CENTS),
    expiration: calendarDateText,
    payment_limit_date: calendarDateText.optional(),
    recharge: z.boolean().optional(),
    client: z.object({
      first_name: z.string().trim().min(1),
      last_name: z.string().trim().min(1),
      document: z.string().refine(isValidTaxId, 'must be a valid CPF or CNPJ (digits only)'),
      email: z.email().optional(),
      phone: z
        .string()
        .regex(/^\d{10,13}$/, 'must be digits')
        .optional(),
      address: addressSchema.optional(),
    }),
    instruction: z
      .object({
        booklet: z.boolean().optional(),
        description: z.string().max(200).optional(),
        late_fee: z.object({ mode: z.enum(['PERCENTAGE', 'FIXED']), amount: z.number().min(0) }).optional(),
        interest: z.object({ mode: z.literal('MONTHLY_PERCENTAGE'), amount: z.number().min(0) }).optional(),
        discount: z
          .object({ mode: z.literal('PERCENTAGE'), amount: z.number().min(0), limit_date: calendarDateText })
          .optional(),
      })
      .optional(),
  })
  .refine((body) => !body.payment_limit_date || body.payment_limit_date >= body.expiration, {
    message: 'must not be before expiration',
    path: ['payment_limit_date'],
  });

export type CreateBilletRequest = z.infer<typeof createBilletRequestSchema>;

/** The parsed request, or the list of problems (`client.document: must be a valid CPF or CNPJ`). */
export function parseCreateBilletRequest(
  body: unknown,
  options: { requireClientEmail: boolean },
): CreateBilletRequest | string[] {
  const parsed = createBilletRequestSchema.safeParse(body);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
  }
  if (options.requireClientEmail && !parsed.data.client.email) return ['client.email: is required'];
  return parsed.data;
}
