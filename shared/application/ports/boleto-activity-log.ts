import type { BoletoActivity } from '#domain/boleto-activity';
import type { TransactionContext } from './unit-of-work';

/**
 * The boleto's activity log (the non-state half of its audit trail; see `BoletoActivity`). Append-only.
 * Read it with `BoletoRepository.getWithHistory`, which returns the boleto, its events and its activities in
 * one Query.
 */
export interface BoletoActivityLog {
  /**
   * Appends `activity` once: recording the same `activityId` again leaves the first record as it was.
   * With `tx`, the record is staged into the caller's transaction (written with the state change it explains).
   */
  record(activity: BoletoActivity, tx?: TransactionContext): Promise<void>;
}
