import * as z from 'zod/mini';

/**
 * What a message asks for, and the entities in it. This one schema is both the structured-output format the
 * OpenAI adapter asks the model for and the check its answer must pass; the deterministic parser produces the
 * same shape. Field names are camelCase on the wire too, so nothing is renamed between model and code.
 */
export const INTENTS = [
  'create_boleto',
  'record_expense',
  'record_income',
  'check_status',
  'cancel_boleto',
  'list_receivables',
  'ledger_summary',
  'statement',
  'ledger_question',
  'confirm',
  'deny',
  'help',
  'unknown',
  'amend_boleto',
  'correct_ledger',
  // Recurring charges (shared/language/recurring.ts)
  'create_recurring',
  'list_recurring',
  'stop_recurring',
  // Team (shared/language/member-intents.ts)
  'add_member',
  'remove_member',
  // Categories that learn (shared/language/category-intents.ts)
  'set_category_rule',
  // Subscriptions (shared/language/subscription-intents.ts)
  'stop_tracking_expense',
  // Collections by e-mail, campaigns (shared/language/collections-intents.ts)
  'portfolio_status',
  'collections_campaign',
  'collections_schedule',
  'collections_schedule_stop',
  'collections_pause',
  'collections_resume',
  // Budgets (shared/language/budget-intents.ts)
  'set_budget',
  'list_budgets',
  'remove_budget',
  // Owner report (shared/language/report-intents.ts)
  'send_report',
  'send_spreadsheet',
  'report_schedule',
  // Collections by e-mail, one account's pinned degree (issue 13 gaps; shared/language/collections-intents.ts)
  'collections_pin',
  'collections_unpin',
] as const;

export const intentSchema = z.enum(INTENTS);
export type Intent = z.infer<typeof intentSchema>;

/** Largest amount a message may carry: R$ 10 bilhões, far above any boleto and far below unsafe integers. */
export const MAX_INTERPRETED_CENTS = 1_000_000_000_000;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

// Only keywords OpenAI's strict structured outputs accept (no string lengths); the adapter trims strings and
// reads an empty one as null.
export const extractionSchema = z.strictObject({
  intent: intentSchema.check(z.describe('What the owner asks for.')),
  amountCents: z
    .nullable(z.int().check(z.minimum(0), z.maximum(MAX_INTERPRETED_CENTS)))
    .check(
      z.describe('The money amount written in the message, in centavos (R$ 150,00 = 15000); null if none.'),
    ),
  contact: z
    .nullable(z.string())
    .check(z.describe('The person named, exactly as written, without honorifics or articles; null if none.')),
  date: z
    .nullable(z.string().check(z.regex(ISO_DATE)))
    .check(
      z.describe(
        'The date in the message resolved to YYYY-MM-DD against "today"; null if the message has none.',
      ),
    ),
  description: z
    .nullable(z.string())
    .check(
      z.describe('For an expense or income: what it was for ("mercado", "conta de luz"); otherwise null.'),
    ),
});

/** The JSON Schema of `extractionSchema` (draft-07, every property required, no others), for structured outputs. */
export function extractionJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(extractionSchema, { target: 'draft-07' }) as Record<string, unknown>;
}

/** The raw extraction, as the model (or the parser) produces it. */
export type Extraction = z.infer<typeof extractionSchema>;
