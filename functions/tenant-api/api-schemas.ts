import * as z from 'zod/mini';
import { BOLETO_STATUSES } from '#domain/boleto-status';

/**
 * The tenant API's request and response shapes (zod/mini): the route table validates requests with them, the
 * OpenAPI document is generated from them and the contract test checks real responses against that document.
 */

const date = () => z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const instant = () => z.string().check(z.minLength(20));
const cents = () => z.int().check(z.minimum(0));
const positiveCents = () => z.int().check(z.minimum(1), z.maximum(100_000_000));

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  errors: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
});

export const IdParams = z.object({ id: z.string().check(z.minLength(1), z.maxLength(100)) });
export const ContactIdParams = z.object({ contactId: z.string().check(z.minLength(1), z.maxLength(100)) });

/** `limit` 1-100 (default 50); `cursor` as returned in the previous page's `nextCursor`. */
export const PageQuery = z.object({
  limit: z.optional(z.string().check(z.regex(/^(100|[1-9][0-9]?)$/))),
  cursor: z.optional(z.string().check(z.maxLength(2000))),
});

export function pageOf<T extends z.ZodMiniType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.nullable(z.string()) });
}

export const ContactView = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string(),
  taxId: z.string(),
  email: z.optional(z.string()),
  optedOut: z.boolean(),
  archived: z.boolean(),
  createdAt: instant(),
  updatedAt: z.optional(instant()),
});

export const NewContactBody = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(120)),
  phone: z.string().check(z.minLength(8), z.maxLength(20)),
  taxId: z.string().check(z.minLength(11), z.maxLength(18)),
  email: z.optional(z.string().check(z.maxLength(254))),
});

export const ContactChangeBody = z.object({
  name: z.optional(z.string().check(z.minLength(1), z.maxLength(120))),
  phone: z.optional(z.string().check(z.minLength(8), z.maxLength(20))),
  taxId: z.optional(z.string().check(z.minLength(11), z.maxLength(18))),
  email: z.optional(z.nullable(z.string().check(z.maxLength(254)))),
});

export const ContactDeletion = z.object({
  id: z.string(),
  outcome: z.enum(['deleted', 'archived']),
  detail: z.string(),
});

export const BoletoStatusSchema = z.enum(BOLETO_STATUSES as [string, ...string[]]);

export const BoletoListQuery = z.extend(PageQuery, {
  status: z.optional(BoletoStatusSchema),
  contact: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  dueFrom: z.optional(date()),
  dueTo: z.optional(date()),
  overdue: z.optional(z.enum(['true', 'false'])),
});

export const BoletoView = z.object({
  id: z.string(),
  contactId: z.string(),
  amountCents: cents(),
  dueDate: date(),
  description: z.string(),
  status: BoletoStatusSchema,
  paidCents: cents(),
  chargesPaidCents: cents(),
  overdue: z.boolean(),
  paidOn: z.optional(date()),
  digitableLine: z.optional(z.string()),
  barcode: z.optional(z.string()),
  pdfUrl: z.optional(z.string()),
  pixCopyPaste: z.optional(z.string()),
  cancelReason: z.optional(z.string()),
  failureReason: z.optional(z.string()),
  createdAt: instant(),
  updatedAt: instant(),
});

const Actor = z.object({ kind: z.string(), id: z.string() });

export const AuditEntry = z.object({
  at: instant(),
  kind: z.string(),
  actor: Actor,
  from: z.optional(z.nullable(z.string())),
  to: z.optional(z.string()),
});

export const BoletoDetail = z.extend(BoletoView, { audit: z.array(AuditEntry) });

export const NewBoletoBody = z.object({
  contactId: z.string().check(z.minLength(1), z.maxLength(100)),
  amountCents: positiveCents(),
  dueDate: date(),
  description: z.optional(z.string().check(z.maxLength(200))),
});

export const AcceptedChargeView = z.object({
  id: z.string(),
  requestId: z.string(),
  status: z.literal('requested'),
  detail: z.string(),
});

export const CancelResultView = z.object({
  id: z.string(),
  outcome: z.enum(['cancelled', 'already_cancelled', 'already_paid']),
  contactNotified: z.boolean(),
  boleto: BoletoView,
});

export const PaymentListQuery = z.extend(PageQuery, {
  contact: z.string().check(z.minLength(1), z.maxLength(100)),
});

export const PaymentView = z.object({
  id: z.string(),
  boletoId: z.string(),
  contactId: z.string(),
  amountCents: cents(),
  paidOn: date(),
});

export const LedgerQuery = z.object({ month: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/)) });

export const LedgerEntryView = z.object({
  id: z.string(),
  kind: z.enum(['income', 'expense']),
  date: date(),
  /** Negative on a reversal (it cancels the entry it corrects). */
  amountCents: z.int(),
  category: z.string(),
  description: z.string(),
  boletoId: z.optional(z.string()),
  corrects: z.optional(z.string()),
  correction: z.optional(z.enum(['reversal', 'replacement'])),
  /** The member who booked it (their username); absent on entries IRIS books itself (a boleto's payment). */
  recordedBy: z.optional(z.string()),
  createdAt: instant(),
});

export const NewLedgerEntryBody = z.object({
  kind: z.enum(['income', 'expense']),
  amountCents: positiveCents(),
  date: z.optional(date()),
  description: z.string().check(z.minLength(1), z.maxLength(200)),
  category: z.optional(z.string().check(z.minLength(1), z.maxLength(60))),
});

export const LedgerReversalBody = z.object({ date: date() });

export const LedgerReversalView = z.object({ original: LedgerEntryView, reversal: LedgerEntryView });

const csvFormat = z.optional(z.enum(['br', 'iso']));
export const LedgerExportQuery = z.object({ month: LedgerQuery.shape.month, format: csvFormat });
export const ContactExportQuery = z.object({
  contact: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  format: csvFormat,
});
export const CsvText = z.string();

/** `limit` 1-200 (default 50) lines, newest first; `cursor` as returned in the previous page's `nextCursor`. */
export const StatementQuery = z.object({
  limit: z.optional(z.string().check(z.regex(/^(200|1[0-9]{2}|[1-9][0-9]?)$/))),
  cursor: PageQuery.shape.cursor,
});

const StatementBoletoLineView = z.object({
  kind: z.literal('boleto'),
  boletoId: z.string(),
  description: z.string(),
  status: BoletoStatusSchema,
  disputedFrom: z.optional(BoletoStatusSchema),
  amountCents: cents(),
  paidCents: cents(),
  chargesPaidCents: cents(),
  dueDate: date(),
  paidOn: z.optional(date()),
  createdAt: instant(),
  version: z.int(),
  remainingCents: cents(),
  chargesTodayCents: cents(),
  openCents: cents(),
  closedBalanceCents: cents(),
});

const StatementPaymentLineView = z.object({
  kind: z.literal('payment'),
  paymentId: z.string(),
  boletoId: z.string(),
  amountCents: cents(),
  paidOn: date(),
  partial: z.boolean(),
});

export const StatementView = z.object({
  contact: z.object({ id: z.string(), name: z.string() }),
  asOf: date(),
  /** Over the whole statement, whatever the page. */
  totals: z.object({
    boletoCount: z.int().check(z.minimum(0)),
    paymentCount: z.int().check(z.minimum(0)),
    billedCents: cents(),
    paidCents: cents(),
    chargesPaidCents: cents(),
    chargesDueTodayCents: cents(),
    openBalanceCents: cents(),
  }),
  /** Newest first: a boleto on its due date, a payment on its date. */
  lines: z.array(z.discriminatedUnion('kind', [StatementBoletoLineView, StatementPaymentLineView])),
  nextCursor: z.nullable(z.string()),
});

export const AgingView = z.object({
  asOf: date(),
  currentCents: cents(),
  overdueCents: z.object({
    days0To30: cents(),
    days31To60: cents(),
    days61To90: cents(),
    days91To120: cents(),
    daysOver120: cents(),
  }),
  totalCents: cents(),
  boletoCount: z.int().check(z.minimum(0)),
});
