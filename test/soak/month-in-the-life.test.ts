import { describe, expect, it } from 'vitest';
import { INVARIANTS } from './invariants';
import { runMonthInTheLife } from './month-in-the-life';

/**
 * CI's slice of "A month in the life" (issue 11): a fixed seed on the local cloud for at most ~2.5 minutes of
 * wall time, checking every invariant of the issue after every step. `npm run test:soak -- --seeds N` runs
 * more seeds and prints the failing ones.
 */
const ALL_INVARIANTS = INVARIANTS.map((invariant) => invariant.id);

describe('a month in the life (fixed seed)', () => {
  it('checks all eight invariants of the issue', () => {
    expect([...ALL_INVARIANTS].sort()).toEqual([
      'amounts_due_only_on_payable',
      'audit_trail_complete',
      'no_boleto_left_requested',
      'no_stale_payer_message',
      'one_billet_per_confirmed_request',
      'owner_send_statements_true',
      'payer_texts_reach_owner',
      'payments_equal_ledger_income',
    ]);
  });

  it('holds every invariant of the issue, after every step', async () => {
    const result = await runMonthInTheLife({
      seed: 20261205,
      days: 60,
      invariants: ALL_INVARIANTS,
      maxWallMs: 150_000,
    });
    expect(result.violations, result.trail.join('\n')).toEqual([]);
    // Steps are bounded by maxWallMs: enough to cross several days and every invariant, not a speed target.
    expect(result.steps).toBeGreaterThan(20);
    expect(result.virtualDays).toBeGreaterThan(3);
  }, 240_000);
});
