import { createHash } from 'node:crypto';

/**
 * A stable id for something a step produces (an outbox reply, a contact), derived from what caused it, so a
 * retried or replayed step writes the same item again (and its conditional put refuses the duplicate).
 */
export function deterministicId(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}
