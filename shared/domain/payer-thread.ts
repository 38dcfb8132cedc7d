import type { CalendarDate } from './calendar-date';

/**
 * What IRIS remembers of one payer's conversation, to forward their words to the owner without flooding
 * them and to answer the payer a bounded number of times a day (docs/decisions.md, "The payer's voice").
 */

/** A payer's text not yet forwarded to the owner. */
export interface HeldPayerText {
  messageId: string;
  text: string;
  /** ISO-8601 instant. */
  receivedAt: string;
}

export interface PayerThread {
  tenantId: string;
  contactId: string;
  /** When the last forward to the owner was queued (ISO-8601). */
  lastForwardAt?: string;
  /** Texts written inside the forward window, carried by the next forward. Oldest first. */
  held: readonly HeldPayerText[];
  /**
   * The owner forwards scheduled for the end of the window that carry `held` (one per owner; pending outbox
   * items with `notBefore`, rewritten as texts are held): they reach the owner even if the payer never writes
   * again. A forward before then supersedes them while still pending, or leaves out what they already carried.
   */
  flushOutboxIds?: readonly string[];
  /** The São Paulo day `repliesOnDay` counts. */
  replyDay?: CalendarDate;
  /** Automatic replies IRIS sent this payer on `replyDay`. */
  repliesOnDay: number;
  /** Inbound message ids already taken into account (the last few), so a replayed message changes nothing. */
  seenMessageIds: readonly string[];
  /** 0 for a thread never stored; the repository writes conditionally on it. */
  version: number;
}

/** One forward per payer per window: texts inside it wait for the next forward (or a message that acts). */
export const FORWARD_WINDOW_MS = 10 * 60_000;
/** Automatic replies to one payer per São Paulo day; past it IRIS stays silent to them (the owner still hears all). */
export const MAX_PAYER_REPLIES_PER_DAY = 4;
/** Held texts carried at most; a longer burst is still forwarded in full when the window closes. */
export const MAX_HELD_TEXTS = 30;
const SEEN_IDS_KEPT = 20;
/** A payer text is cut to this many characters in a forward (WhatsApp's limit is 4096 for the whole message). */
export const MAX_FORWARDED_TEXT_LENGTH = 500;

export function emptyPayerThread(tenantId: string, contactId: string): PayerThread {
  return { tenantId, contactId, held: [], repliesOnDay: 0, seenMessageIds: [], version: 0 };
}

export function hasSeen(thread: PayerThread, messageId: string): boolean {
  return thread.seenMessageIds.includes(messageId);
}

/**
 * Forward now when the message acts (a payment claim, a request for the boleto), when no forward went out in
 * the window, or when the held texts reach the cap; otherwise hold it.
 */
export function shouldForwardNow(thread: PayerThread, now: Date, acts: boolean): boolean {
  if (acts || !thread.lastForwardAt) return true;
  if (thread.held.length + 1 >= MAX_HELD_TEXTS) return true;
  return now.getTime() - Date.parse(thread.lastForwardAt) >= FORWARD_WINDOW_MS;
}

export function canReply(thread: PayerThread, today: CalendarDate): boolean {
  return thread.replyDay !== today || thread.repliesOnDay < MAX_PAYER_REPLIES_PER_DAY;
}

export interface PayerThreadStep {
  messageId: string;
  text: string;
  now: Date;
  today: CalendarDate;
  forwarded: boolean;
  replied: boolean;
  /** The window-end forwards now carrying the held texts (when the message is held). */
  flushOutboxIds?: readonly string[];
}

/** The thread after one payer message: held or forwarded (with everything held), reply counted. */
export function advancePayerThread(thread: PayerThread, step: PayerThreadStep): PayerThread {
  const at = step.now.toISOString();
  const sameDay = thread.replyDay === step.today;
  const replies = (sameDay ? thread.repliesOnDay : 0) + (step.replied ? 1 : 0);
  return {
    ...thread,
    ...(step.forwarded
      ? { lastForwardAt: at, held: [], flushOutboxIds: [] }
      : {
          held: [...thread.held, { messageId: step.messageId, text: step.text, receivedAt: at }],
          flushOutboxIds: step.flushOutboxIds ?? thread.flushOutboxIds ?? [],
        }),
    replyDay: step.today,
    repliesOnDay: replies,
    seenMessageIds: [...thread.seenMessageIds, step.messageId].slice(-SEEN_IDS_KEPT),
  };
}

/** When the forward window that `lastForwardAt` opened ends: held texts are flushed to the owner then. */
export function forwardWindowEnd(thread: PayerThread): Date | undefined {
  return thread.lastForwardAt ? new Date(Date.parse(thread.lastForwardAt) + FORWARD_WINDOW_MS) : undefined;
}

export function clipText(text: string): string {
  const trimmed = text.trim();
  return trimmed.length <= MAX_FORWARDED_TEXT_LENGTH
    ? trimmed
    : `${trimmed.slice(0, MAX_FORWARDED_TEXT_LENGTH - 1)}…`;
}
