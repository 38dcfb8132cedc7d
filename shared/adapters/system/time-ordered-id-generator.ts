import { randomBytes } from 'node:crypto';
import type { Clock } from '#application/ports/clock';
import type { IdGenerator } from '#application/ports/id-generator';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32, as ULID

/**
 * ULID-shaped ids (48-bit millisecond time + 80 random bits, Crockford base32): sortable by creation time,
 * so sort keys built from them list items in the order they were made.
 */
export class TimeOrderedIdGenerator implements IdGenerator {
  constructor(private readonly clock: Clock = { now: () => new Date() }) {}

  newId(): string {
    let time = this.clock.now().getTime();
    let timePart = '';
    for (let i = 0; i < 10; i++) {
      timePart = ALPHABET[time % 32] + timePart;
      time = Math.floor(time / 32);
    }
    const random = randomBytes(16);
    let randomPart = '';
    for (let i = 0; i < 16; i++) randomPart += ALPHABET[(random[i] ?? 0) % 32];
    return timePart + randomPart;
  }
}
