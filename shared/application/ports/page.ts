import { DomainError } from '#domain/domain-error';

/** One page of a list and the opaque cursor of the next one (absent on the last page). */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface PageRequest {
  limit: number;
  cursor?: string;
}

/** A pagination cursor that was not issued for this list (tampered, truncated, or another list's). */
export class InvalidCursorError extends DomainError {
  constructor() {
    super('invalid_cursor', 'the cursor was not issued for this list');
    this.name = 'InvalidCursorError';
  }
}
