import type { PaymentDependencies } from '#application/payments/payment-dependencies';
import type { IdGenerator } from '#application/ports/id-generator';
import type { StatementProjection } from '#application/ports/statement-projection';

/** What the tenant API's routes use: the tenant it serves and the same ports as the WhatsApp use cases. */
export interface TenantApiDependencies extends PaymentDependencies {
  tenantId: string;
  statements: StatementProjection;
  ids: IdGenerator;
}
