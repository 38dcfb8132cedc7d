import type { Actor } from './boleto-events';

/**
 * What happened around a boleto that is not a change of its state: the other half of its audit trail.
 * State changes are `BoletoEvent`s (versioned, one per change); activities record everything else an auditor
 * asks about — the confirmation asked and answered, each creation attempt, each message queued, deferred,
 * sent, delivered, read, failed or superseded, each reminder turn, reconciliation findings, payers' words.
 */
export type BoletoActivityKind =
  | 'confirmation_requested'
  | 'confirmation_answered'
  | 'creation_attempted'
  | 'creation_failed'
  | 'message_queued'
  | 'message_deferred'
  | 'message_sent'
  | 'message_delivered'
  | 'message_read'
  | 'message_failed'
  | 'message_superseded'
  | 'reminder_turn'
  | 'reconciliation_finding'
  | 'payer_message'
  | 'owner_notified'
  /** An amendment: this boleto was replaced by another (`detail.replacedBy`) or replaces one (`detail.replaces`). */
  | 'replaced_by'
  | 'replaces';

/** Details are ids, statuses, amounts in centavos, dates and reasons: never a person's text, phone or tax id. */
export type ActivityDetail = Record<string, string | number | boolean>;

export interface BoletoActivity {
  tenantId: string;
  boletoId: string;
  /**
   * Derived from the cause (e.g. `message_sent:<outboxId>`, `reminder_turn:3`), so a retried step records the
   * activity once.
   */
  activityId: string;
  kind: BoletoActivityKind;
  /** ISO-8601 instant. */
  at: string;
  actor: Actor;
  /** The boleto's version when it happened, when known. */
  boletoVersion?: number;
  detail?: ActivityDetail;
}

/** Activities in the order they happened (ties by id, so the order is stable). */
export function sortActivities(activities: readonly BoletoActivity[]): BoletoActivity[] {
  return [...activities].sort((a, b) => a.at.localeCompare(b.at) || a.activityId.localeCompare(b.activityId));
}
