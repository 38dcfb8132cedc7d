import * as z from 'zod/mini';
import {
  BillingProviderUnavailableError,
  type BoletoPage,
  type ProviderBoleto,
  type ProviderBoletoStatus,
} from '#application/ports/billing-provider';
import { type CalendarDate, isCalendarDate } from '#domain/calendar-date';
import { referenceIn } from './paytime-reference';

/**
 * Paytime's billet as it comes back from create / get / list / cancel and inside webhooks (`data`), read
 * tolerantly: unknown fields are ignored, optional ones may be missing or null. See docs/paytime.md.
 */

const optionalText = z.nullish(z.string());
const optionalCents = z.nullish(z.number().check(z.int()));
const int = () => z.number().check(z.int());

export const paytimeBilletSchema = z.object({
  _id: z.string().check(z.minLength(1)),
  status: z.string(),
  /** Net of fees in Paytime's samples (original_amount - fees). */
  amount: int(),
  original_amount: optionalCents,
  fees: optionalCents,
  fees_banking: z.nullish(z.object({ fees: optionalCents })),
  barcode: optionalText,
  digitable_line: optionalText,
  url: optionalText,
  pix_emv: optionalText,
  description: optionalText,
  expiration_at: optionalText,
  expiration: optionalText,
  client: z.nullish(z.object({ document: optionalText })),
  created_at: optionalText,
  paid_at: optionalText,
  paid_amount: optionalCents,
});

export type PaytimeBillet = z.infer<typeof paytimeBilletSchema>;

const listSchema = z.object({
  total: z.nullish(int().check(z.nonnegative())),
  page: z.nullish(int().check(z.positive())),
  perPage: z.nullish(int().check(z.positive())),
  limit: z.nullish(int().check(z.positive())),
  lastPage: z.nullish(int().check(z.nonnegative())),
  data: z.array(z.unknown()),
});

const STATUS_FROM_PAYTIME: Record<string, ProviderBoletoStatus> = {
  PROCESSING: 'processing',
  PENDING: 'pending',
  PAID: 'paid',
  CANCELED: 'cancelled',
  CANCELLED: 'cancelled',
  EXPIRED: 'expired',
  FAILED: 'failed',
};

const STATUS_TO_PAYTIME: Record<ProviderBoletoStatus, string> = {
  processing: 'PROCESSING',
  pending: 'PENDING',
  paid: 'PAID',
  cancelled: 'CANCELED',
  expired: 'EXPIRED',
  failed: 'FAILED',
};

export function paytimeStatusOf(status: ProviderBoletoStatus): string {
  return STATUS_TO_PAYTIME[status];
}

/** Reads one billet; an unreadable one is a provider fault (retryable), never a silent default. */
export function parseBillet(json: unknown): ProviderBoleto {
  const parsed = paytimeBilletSchema.safeParse(json);
  if (!parsed.success) {
    throw new BillingProviderUnavailableError(
      `Paytime answered an unreadable billet: ${z.prettifyError(parsed.error)}`,
    );
  }
  return toProviderBoleto(parsed.data);
}

export function parseBilletPage(json: unknown, requested: { page: number; perPage: number }): BoletoPage {
  const parsed = listSchema.safeParse(json);
  if (!parsed.success) {
    throw new BillingProviderUnavailableError(
      `Paytime answered an unreadable billet list: ${z.prettifyError(parsed.error)}`,
    );
  }
  const body = parsed.data;
  const page = body.page ?? requested.page;
  const perPage = body.perPage ?? body.limit ?? requested.perPage;
  const items = body.data.map(parseBillet);
  const total = body.total ?? items.length;
  const hasMore = body.lastPage != null ? page < body.lastPage : page * perPage < total;
  return { items, page, perPage, total, hasMore };
}

export function toProviderBoleto(billet: PaytimeBillet): ProviderBoleto {
  const status = STATUS_FROM_PAYTIME[billet.status.toUpperCase()];
  if (!status)
    throw new BillingProviderUnavailableError(`Paytime billet has an unknown status: ${billet.status}`);
  const dueDate = calendarDateOf(billet.expiration_at ?? billet.expiration);
  if (!dueDate)
    throw new BillingProviderUnavailableError(`Paytime billet ${billet._id} has no readable due date`);
  const boleto: ProviderBoleto = {
    providerId: billet._id,
    status,
    amountCents: billet.original_amount ?? billet.amount,
    dueDate,
  };
  const fees = billet.fees ?? billet.fees_banking?.fees;
  if (fees != null) boleto.feesCents = fees;
  if (billet.paid_amount != null) boleto.paidAmountCents = billet.paid_amount;
  if (billet.paid_at) boleto.paidAt = billet.paid_at;
  const digitableLine = digitsOf(billet.digitable_line);
  if (digitableLine) boleto.digitableLine = digitableLine;
  const barcode = digitsOf(billet.barcode);
  if (barcode) boleto.barcode = barcode;
  if (billet.url) boleto.pdfUrl = billet.url;
  if (billet.pix_emv) boleto.pixEmv = billet.pix_emv;
  if (billet.description) {
    boleto.description = billet.description;
    const reference = referenceIn(billet.description);
    if (reference) boleto.reference = reference;
  }
  if (billet.client?.document) boleto.payerTaxId = billet.client.document;
  if (billet.created_at) boleto.createdAt = billet.created_at;
  return boleto;
}

/**
 * Paytime writes dates as instants (`2025-08-28T12:00:00.000Z` for a due date of 28/08, and
 * `2025-08-30T00:00:00.000Z` for a payment limit of 30/08): the calendar date is the ISO date part, never a
 * time-zone conversion (midnight UTC is still the previous day in São Paulo).
 */
function calendarDateOf(value: string | null | undefined): CalendarDate | undefined {
  const datePart = value?.slice(0, 10);
  return isCalendarDate(datePart) ? datePart : undefined;
}

function digitsOf(value: string | null | undefined): string | undefined {
  const digits = value?.replace(/\D/g, '');
  return digits ? digits : undefined;
}
