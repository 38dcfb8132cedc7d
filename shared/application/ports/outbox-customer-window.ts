import type { E164 } from '#domain/phone-number';
import type { TransactionContext } from './unit-of-work';

/**
 * Port: WhatsApp's 24-hour customer-service window per recipient. The inbound webhook records every message
 * a person writes to the tenant's number (`recordInbound`, in the same transaction as the inbound message);
 * WhatsApp delivery reads it to choose free-form text (window open) or an approved template (closed).
 */
export interface CustomerServiceWindowStore {
  /**
   * The person `phone` wrote to the tenant at `at` (Meta's message timestamp). Unconditional put: a message
   * that arrives late with an older timestamp can only shorten the window (the safe side: a template).
   */
  recordInbound(tenantId: string, phone: E164, at: Date, tx?: TransactionContext): Promise<void>;
  /** When `phone` last wrote to the tenant, if ever (within the item's TTL). */
  lastInboundAt(tenantId: string, phone: E164): Promise<Date | undefined>;
}
