import type { PayerThread } from '#domain/payer-thread';
import type { TransactionContext } from './unit-of-work';

/** Port: one payer's thread state (forward window, held texts, replies today). One item per contact. */
export interface PayerThreadRepository {
  /** Strongly consistent; an empty thread (version 0) when none is stored. */
  get(tenantId: string, contactId: string): Promise<PayerThread>;
  /**
   * Stores `thread` with version + 1, on condition that the stored version is still `thread.version`
   * (`ConcurrentModificationError` otherwise). Staged into `tx` when given.
   */
  save(thread: PayerThread, tx?: TransactionContext): Promise<void>;
}
