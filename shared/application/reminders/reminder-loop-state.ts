/**
 * What the reminder loop carries from one turn to the next (the workflow's state), and what a Remind step
 * returns: the state for the next Wait. `turn` counts the steps taken; `continue: false` ends the loop.
 */
export interface ReminderLoopState {
  tenantId: string;
  boletoId: string;
  turn: number;
  /** ISO-8601 instant of the next reminder; absent when the loop ends. */
  nextReminderAt?: string;
  continue: boolean;
  /** What this step did, for the execution history and logs. */
  outcome: ReminderOutcome;
  /** Why the loop ends, when it does. */
  reason?: ReminderStopReason;
}

export type ReminderOutcome =
  /** The reminder went into the outbox. */
  | 'sent'
  /** Not a moment to write to a person (night, Sunday, holiday): the same turn runs at the next opening. */
  | 'deferred'
  /** Nothing to send yet (the boleto is not registered at the provider): the next slot is tried. */
  | 'skipped'
  /** The step failed and was recorded; the loop goes on at the next slot. */
  | 'failed'
  | 'stopped';

/** Why a loop ends. */
export type ReminderStopReason =
  | 'paid'
  | 'partially_paid'
  | 'cancelled'
  | 'disputed'
  | 'contact_opted_out'
  | 'contact_not_found'
  | 'boleto_not_found'
  | 'cadence_finished';

export interface RemindInput {
  tenantId: string;
  boletoId: string;
  turn: number;
  /** The instant the workflow waited for (its `nextReminderAt`). */
  scheduledAt: string;
}
