import { derivedId } from '#application/payments/follow-up-ids';
import type { OutboxRepository } from '#application/ports/outbox-repository';
import type { TransactionContext } from '#application/ports/unit-of-work';
import { newOutboxMessage, type OutboxMessage } from '#domain/outbox-message';
import { forwardWindowEnd, type HeldPayerText, type PayerThread } from '#domain/payer-thread';
import { forwardText } from './payer-texts-pt-br';

/**
 * Held texts reach the owner when the payer's forward window ends, even if the payer never writes again
 * (docs/decisions.md, "Held texts at the window's end"). Holding a text (re)writes one `pending` owner forward
 * per owner, due at the window's end (`notBefore`: delivery defers it until then), carrying every text held so
 * far. A forward that goes out before then (an acting message, the held cap, a message after the window)
 * supersedes those scheduled forwards while they are still pending and carries the held texts itself; if
 * delivery already took them, the held texts are with the owner and the new forward leaves them out.
 */

export interface ScheduledForwards {
  /** The texts the next immediate forward must still carry. */
  held: readonly HeldPayerText[];
  /** Scheduled forwards to supersede in the forward's transaction (still pending when read). */
  supersede: string[];
}

/** Before an immediate forward: which held texts it carries, and which scheduled forwards it replaces. */
export async function takeOverScheduledForwards(
  outbox: Pick<OutboxRepository, 'get'>,
  tenantId: string,
  thread: PayerThread,
): Promise<ScheduledForwards> {
  const ids = thread.flushOutboxIds ?? [];
  if (ids.length === 0 || thread.held.length === 0) return { held: thread.held, supersede: [] };
  const items = await Promise.all(ids.map((id) => outbox.get(tenantId, id)));
  const pending = items.filter((item): item is OutboxMessage => item?.status === 'pending');
  // All still pending: nothing of them reached anyone; this forward carries the texts instead.
  if (pending.length === items.length)
    return { held: thread.held, supersede: pending.map((item) => item.id) };
  // Delivery took (some of) them: the held texts are on their way; the pending rest still go at their time.
  return { held: [], supersede: [] };
}

export async function supersedeScheduledForwards(
  outbox: Pick<OutboxRepository, 'supersedePending'>,
  tx: TransactionContext,
  tenantId: string,
  ids: readonly string[],
  now: Date,
): Promise<void> {
  for (const outboxId of ids)
    await outbox.supersedePending(
      { tenantId, outboxId, reason: 'forwarded_with_later_message', at: now },
      tx,
    );
}

/** When a text is held: the owners' forwards due at the window's end, carrying everything held so far. */
export function windowEndForwards(input: {
  tenantId: string;
  thread: PayerThread;
  contactName: string;
  text: string;
  messageId: string;
  owners: readonly string[];
  now: Date;
}): OutboxMessage[] {
  const { thread } = input;
  const windowEnd = forwardWindowEnd(thread);
  if (!windowEnd) return [];
  const content = forwardText({ contactName: input.contactName, held: thread.held, text: input.text });
  return input.owners.map((owner) =>
    newOutboxMessage(
      {
        channel: 'whatsapp',
        kind: 'owner_reply',
        recipient: owner,
        audience: 'owner',
        content: { type: 'text', text: content },
        correlationId: input.messageId,
        notBefore: windowEnd.toISOString(),
      },
      {
        // One per window and owner: each held text rewrites it while it is pending.
        id: derivedId(
          'payer-window-end',
          input.tenantId,
          thread.contactId,
          thread.lastForwardAt ?? '',
          owner,
        ),
        tenantId: input.tenantId,
        now: input.now,
      },
    ),
  );
}
