import type { IdGenerator } from '#application/ports/id-generator';
import type { OutboxRepository } from '#application/ports/outbox-repository';
import type { TransactionContext } from '#application/ports/unit-of-work';
import type { TenantUser } from '#application/ports/user-repository';
import { type NewOutboxMessage, newOutboxMessage, type OutboxMessage } from '#domain/outbox-message';

/**
 * Stages a new outbox message into the caller's transaction: the one call every use case that "says"
 * something makes, next to its own state change and audit event, inside `unitOfWork.run`.
 */
export async function addToOutbox(
  deps: { outbox: OutboxRepository; ids: IdGenerator },
  tx: TransactionContext,
  tenantId: string,
  input: NewOutboxMessage,
  now: Date,
): Promise<OutboxMessage> {
  const message = newOutboxMessage(input, { id: deps.ids.newId(), tenantId, now });
  await deps.outbox.add(message, tx);
  return message;
}

/** The phones of the tenant's owners (role `owner`): who is told about failures and opt-outs. */
export async function ownerPhones(
  users: { list(tenantId: string): Promise<TenantUser[]> },
  tenantId: string,
) {
  const all = await users.list(tenantId);
  return all.filter((user) => user.role === 'owner').map((user) => user.phone);
}
