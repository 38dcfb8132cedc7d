import type { Clock } from '#application/ports/clock';
import type { LedgerAggregates } from '#application/ports/ledger-aggregates';
import type { LedgerRepository, YearMonth } from '#application/ports/ledger-repository';
import { type LedgerMonthAggregate, monthAggregateOf } from '#domain/ledger-aggregate';

/**
 * Recomputes one month's figures from the month's partition (a strongly consistent Query) and stores them
 * unless a recomputation that saw more entries is stored already. The ledger only grows, so the count of
 * entries read orders the versions: replays, retries, out-of-order records and concurrent recomputations all
 * end on the figures of every entry, each counted once; a reversal is just one more entry.
 */
export async function projectLedgerMonth(
  deps: { ledger: LedgerRepository; aggregates: LedgerAggregates; clock: Clock },
  input: { tenantId: string; month: YearMonth },
): Promise<{ aggregate: LedgerMonthAggregate; outcome: 'stored' | 'stale' }> {
  const entries = await deps.ledger.listByMonth(input.tenantId, input.month, { consistentRead: true });
  const aggregate = monthAggregateOf(
    { tenantId: input.tenantId, month: input.month, computedAt: deps.clock.now().toISOString() },
    entries,
  );
  const outcome = await deps.aggregates.save(aggregate);
  return { aggregate, outcome };
}
