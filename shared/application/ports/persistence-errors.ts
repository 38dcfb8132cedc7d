import { DomainError } from '#domain/domain-error';

/**
 * Optimistic concurrency lost: the item changed (its version moved on) between our read and our write, or
 * another transaction touched it at the same moment. Nothing was written; re-read and decide again.
 */
export class ConcurrentModificationError extends DomainError {
  constructor(
    readonly entity: string,
    readonly entityId: string,
    options?: { cause?: unknown },
  ) {
    super('concurrent_modification', `${entity} ${entityId} was modified concurrently`, options);
    this.name = 'ConcurrentModificationError';
  }
}

/**
 * A write's precondition did not hold (the item was missing, already there, or in another state) and no more
 * specific error applies. Nothing in the transaction was written.
 */
export class PreconditionFailedError extends DomainError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('precondition_failed', message, options);
    this.name = 'PreconditionFailedError';
  }
}

/** The store could not complete the operation (throttled, unavailable, invalid request...). Retrying may help. */
export class PersistenceError extends DomainError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('persistence_failed', message, options);
    this.name = 'PersistenceError';
  }
}
