import { describe, expect, inject, it } from 'vitest';
import { INVARIANTS } from './invariants';
import { runMonthInTheLife } from './month-in-the-life';

/**
 * CI's slice of "A month in the life" (issue 11): a fixed seed on the local cloud for at most ~2.5 minutes of
 * wall time, with the invariants that hold on main today. The others (listed below, written exactly as the
 * issue states them) are violated by defects being fixed on other branches; `npm run test:soak` checks all of
 * them and prints the failing seeds. Enable each here once its fix is merged.
 */
const HOLDING_TODAY = ['one_billet_per_confirmed_request', 'payments_equal_ledger_income'];
/** Violated on main today (the lead's report says by which seed and step): move up as the fixes land. */
const AWAITING_FIXES = [
  'no_stale_payer_message', // defect 2: a held boleto message delivered after payment
  'owner_send_statements_true', // defect 3: "enviado" when the send was deferred or refused
  'payer_texts_reach_owner', // defect 4: payers' words go nowhere
  'no_boleto_left_requested', // defects 1 and 5: a new payer's creation fails and stays requested
  'amounts_due_only_on_payable', // defect 5: "devido hoje" on requested boletos
  'audit_trail_complete', // defect 8: message activities not recorded yet
];

describe('a month in the life (fixed seed)', () => {
  it('classifies every invariant of the issue as checked here or awaiting its fix', () => {
    expect([...HOLDING_TODAY, ...AWAITING_FIXES].sort()).toEqual(
      INVARIANTS.map((invariant) => invariant.id).sort(),
    );
  });

  it('holds the invariants that hold on main, after every step', async () => {
    const result = await runMonthInTheLife({
      seed: 20261205,
      days: 60,
      invariants: HOLDING_TODAY,
      dynamoDbEndpoint: inject('dynamoDbEndpoint'),
      maxWallMs: 150_000,
    });
    expect(result.violations, result.trail.join('\n')).toEqual([]);
    expect(result.steps).toBeGreaterThan(30);
    expect(result.virtualDays).toBeGreaterThan(3);
  }, 240_000);
});
