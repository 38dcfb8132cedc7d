import { type CalendarDate, daysBetween, saoPauloDateOf } from '#domain/calendar-date';
import type { EscalationDegree } from './escalation';

/**
 * How often an account may get a collection e-mail (docs/decisions.md, "Collection e-mails and campaigns"):
 * - never twice for the same account, degree and snapshot date (the outbox id derives from the three);
 * - a higher degree than the last e-mail's goes out at once (the debt got older: the customer must know);
 * - the same or a lower degree waits `SAME_DEGREE_INTERVAL_DAYS` São Paulo days after the last one was queued,
 *   and needs a newer snapshot (an e-mail repeats only what a newer import says).
 */

/** What the account item records about the last collection e-mail queued for it (read by GET /_local/aging). */
export interface LastCollectionEmail {
  outboxMessageId: string;
  degree: EscalationDegree;
  snapshotDate: CalendarDate;
  templateId: string;
  templateVersion: number;
  modelWritten: boolean;
  /** ISO-8601 instant the e-mail was put in the outbox (not when SES accepted it). */
  queuedAt: string;
}

export const SAME_DEGREE_INTERVAL_DAYS = 7;

export type CadenceVerdict =
  | { due: true; reason: 'first_email' | 'degree_increased' | 'interval_passed' }
  | { due: false; reason: 'already_emailed_for_snapshot' | 'emailed_recently' };

export function cadenceVerdict(input: {
  last: LastCollectionEmail | undefined;
  degree: EscalationDegree;
  snapshotDate: CalendarDate;
  /** Today's São Paulo date. */
  today: CalendarDate;
}): CadenceVerdict {
  const { last, degree, snapshotDate, today } = input;
  if (!last) return { due: true, reason: 'first_email' };
  if (degree > last.degree) return { due: true, reason: 'degree_increased' };
  if (last.snapshotDate === snapshotDate) return { due: false, reason: 'already_emailed_for_snapshot' };
  const waited = daysBetween(saoPauloDateOf(new Date(last.queuedAt)), today);
  if (waited >= SAME_DEGREE_INTERVAL_DAYS) return { due: true, reason: 'interval_passed' };
  return { due: false, reason: 'emailed_recently' };
}

/** Contact e-mail states that rule an address out (a hard bounce, a complaint, or the SES handler's flags). */
export function isEmailUsable(status: string | undefined): boolean {
  return status === undefined || status === 'valid';
}
