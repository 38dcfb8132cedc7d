import { primaryKey } from '#adapters/dynamodb/keys/entity-keys';
import { attr, key } from '#adapters/dynamodb/keys/key-template';

/**
 * One caller's request count in one fixed window (`windowStart`, epoch seconds): created by the first request of
 * the window, counted up with a conditional update, gone after the window by TTL (`expiresAt`).
 */
export const RateWindowEntity = {
  name: 'RateWindow',
  primary: primaryKey(
    key('T', attr('tenantId'), 'RATE', attr('callerKey')),
    key('WINDOW', attr('windowStart')),
  ),
} as const;
