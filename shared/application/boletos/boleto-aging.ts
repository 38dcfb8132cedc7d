import type { BoletoRepository } from '#application/ports/boleto-repository';
import { isOverdue, remainingCents } from '#domain/boleto';
import { isPayable } from '#domain/boleto-status';
import { type CalendarDate, daysBetween } from '#domain/calendar-date';
import { AGING_BUCKETS, type AgingBucket, bucketOfDaysOverdue } from '#domain/collections/aging-buckets';

export interface BoletoAging {
  asOf: CalendarDate;
  /** Principal still owed on payable boletos not yet overdue. */
  currentCents: number;
  /** Principal still owed on overdue boletos, by days past the due date (the collections buckets). */
  overdueCents: Record<AgingBucket, number>;
  totalCents: number;
  boletoCount: number;
}

/**
 * The tenant's receivables from boletos aged as of `today`: the open boletos (one Query on the sparse
 * `openByDueDate` index) that can still be paid, their remaining principal split into current and the
 * 0-30 / 31-60 / 61-90 / 91-120 / 120+ days overdue buckets. Late charges are not included (they accrue daily
 * and are in each payer's statement).
 */
export async function boletoAging(
  deps: { boletos: Pick<BoletoRepository, 'listOpen'> },
  input: { tenantId: string; today: CalendarDate },
): Promise<BoletoAging> {
  const open = await deps.boletos.listOpen(input.tenantId);
  const overdueCents = Object.fromEntries(AGING_BUCKETS.map((bucket) => [bucket, 0])) as Record<
    AgingBucket,
    number
  >;
  let currentCents = 0;
  let boletoCount = 0;
  for (const boleto of open) {
    if (!isPayable(boleto.status)) continue;
    const owed = remainingCents(boleto);
    boletoCount += 1;
    if (isOverdue(boleto, input.today)) {
      const bucket = bucketOfDaysOverdue(daysBetween(boleto.dueDate, input.today));
      overdueCents[bucket] += owed;
    } else currentCents += owed;
  }
  const totalCents = currentCents + Object.values(overdueCents).reduce((sum, cents) => sum + cents, 0);
  return { asOf: input.today, currentCents, overdueCents, totalCents, boletoCount };
}
