import type { TransactionContext } from '#application/ports/unit-of-work';
import { type NewOutboxMessage, newOutboxMessage, ownerReply } from '#domain/outbox-message';
import type { ConversationDependencies } from './conversation-dependencies';

/** Puts a message in the outbox inside `tx`: it is sent if and only if the transaction commits. */
export async function stageMessage(
  deps: Pick<ConversationDependencies, 'outbox' | 'ids' | 'clock'>,
  tx: TransactionContext,
  tenantId: string,
  message: NewOutboxMessage,
): Promise<void> {
  const outboxMessage = newOutboxMessage(message, { id: deps.ids.newId(), tenantId, now: deps.clock.now() });
  await deps.outbox.add(outboxMessage, tx);
}

/** A text reply to the owner, in its own transaction (nothing else changes with it). */
export async function replyToOwner(
  deps: Pick<ConversationDependencies, 'outbox' | 'ids' | 'clock' | 'unitOfWork'>,
  tenantId: string,
  ownerPhone: string,
  text: string,
  correlationId: string,
): Promise<void> {
  await deps.unitOfWork.run((tx) =>
    stageMessage(deps, tx, tenantId, ownerReply(ownerPhone, text, correlationId)),
  );
}
