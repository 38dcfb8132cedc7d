/**
 * An open write transaction. Repositories that accept one *stage* their writes into it instead of writing;
 * the unit of work commits everything staged, all or nothing (state change + audit event + outbox item).
 * Opaque on purpose: only the adapter that created it can read it.
 */
export interface TransactionContext {
  readonly transactionContext: true;
}

export interface UnitOfWork {
  /**
   * Runs `work` with a fresh transaction and then commits what it staged atomically. If `work` throws, nothing
   * is written. A failed commit throws the error of the first failed precondition (e.g.
   * `ConcurrentModificationError`, `DuplicateContactPhoneError`); nothing is written then either.
   */
  run<T>(work: (tx: TransactionContext) => Promise<T>): Promise<T>;
}
