import { PreconditionFailedError } from '#application/ports/persistence-errors';
import { newOutboxMessage, ownerReply } from '#domain/outbox-message';
import type { ConversationDependencies } from './conversation-dependencies';
import { deterministicId } from './deterministic-id';

/**
 * A reply caused by one inbound message, queued at most once: its outbox id derives from the message id and
 * the purpose, so a retry finds it already there and adds nothing.
 */
export async function replyOnce(
  deps: Pick<ConversationDependencies, 'outbox' | 'clock' | 'unitOfWork'>,
  tenantId: string,
  to: string,
  text: string,
  causeId: string,
  purpose: string,
): Promise<void> {
  const message = newOutboxMessage(ownerReply(to, text, causeId), {
    id: deterministicId(tenantId, causeId, purpose),
    tenantId,
    now: deps.clock.now(),
  });
  try {
    await deps.unitOfWork.run((tx) => deps.outbox.add(message, tx));
  } catch (error) {
    if (!(error instanceof PreconditionFailedError)) throw error;
  }
}
