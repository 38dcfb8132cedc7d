import type { PaymentDependencies } from '#application/payments/payment-dependencies';
import type { ConversationRepository } from '#application/ports/conversation-repository';
import type { IdGenerator } from '#application/ports/id-generator';
import type { StatementProjection } from '#application/ports/statement-projection';
import type { Workflows } from '#application/ports/workflows';

/** What the tenant API's routes use: the tenant it serves and the same ports as the WhatsApp use cases. */
export interface TenantApiDependencies extends Omit<PaymentDependencies, 'workflows'> {
  tenantId: string;
  conversations: ConversationRepository;
  workflows: Pick<Workflows, 'stopReminderLoop' | 'startConversation'>;
  statements: StatementProjection;
  ids: IdGenerator;
}
