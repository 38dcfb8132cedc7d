import type { BillingProvider } from '#application/ports/billing-provider';
import type { BoletoActivityLog } from '#application/ports/boleto-activity-log';
import type { BoletoRepository } from '#application/ports/boleto-repository';
import type { Clock } from '#application/ports/clock';
import type { ContactRepository } from '#application/ports/contact-repository';
import type { LedgerRepository } from '#application/ports/ledger-repository';
import type { OutboxRepository } from '#application/ports/outbox-repository';
import type { PaymentRepository } from '#application/ports/payment-repository';
import type { TenantRepository } from '#application/ports/tenant-repository';
import type { UnitOfWork } from '#application/ports/unit-of-work';
import type { UserRepository } from '#application/ports/user-repository';
import type { Workflows } from '#application/ports/workflows';
import type { AppLogger } from '#logging/create-logger';

/** What the payment use cases (webhook processing, reconciliation, cancel) need. */
export interface PaymentDependencies {
  boletos: BoletoRepository;
  /** The boleto's audit trail beyond state changes: who was told what about a payment. */
  boletoActivity: BoletoActivityLog;
  contacts: ContactRepository;
  tenants: TenantRepository;
  users: UserRepository;
  payments: PaymentRepository;
  ledger: LedgerRepository;
  outbox: OutboxRepository;
  unitOfWork: UnitOfWork;
  billing: BillingProvider;
  workflows: Pick<Workflows, 'stopReminderLoop'>;
  clock: Clock;
  logger: AppLogger;
  /** The billing provider's name as stored on payments (`paytime`). */
  providerName: string;
}
