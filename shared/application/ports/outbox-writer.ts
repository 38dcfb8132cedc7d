import type { NewOutboxMessage } from '../../domain/outbox-message';
import type { TransactionContext } from './unit-of-work';

/**
 * Puts a message in the outbox inside the caller's transaction, so the message exists if and only if the
 * state change that caused it was committed. Returns the outbox message id.
 */
export interface OutboxWriter {
  stage(tx: TransactionContext, message: NewOutboxMessage): string;
}
