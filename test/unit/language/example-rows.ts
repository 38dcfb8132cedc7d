/**
 * Own examples, written from the rules of issue 3 (not from the parser's output). Each row:
 * [text, intent, amount_cents, contact, date] with today = 2026-11-23 (a Monday) unless `today` is given.
 */
import type { Intent } from '#application/ports/interpretation.schema';

export interface Example {
  text: string;
  intent: Intent;
  amount: number | null;
  contact: string | null;
  date: string | null;
  today?: string;
}

type Row = [string, Intent, number | null, string | null, string | null, string?];

export function rows(list: Row[]): Example[] {
  return list.map(([text, intent, amount, contact, date, today]) => ({
    text,
    intent,
    amount,
    contact,
    date,
    ...(today ? { today } : {}),
  }));
}
