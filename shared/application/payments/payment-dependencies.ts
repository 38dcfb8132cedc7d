import type { AppLogger } from '../../logging/create-logger';
import type { BillingProvider } from '../ports/billing-provider';
import type { BoletoActivityLog } from '../ports/boleto-activity-log';
import type { BoletoRepository } from '../ports/boleto-repository';
import type { Clock } from '../ports/clock';
import type { ContactRepository } from '../ports/contact-repository';
import type { LedgerRepository } from '../ports/ledger-repository';
import type { OutboxRepository } from '../ports/outbox-repository';
import type { PaymentRepository } from '../ports/payment-repository';
import type { TenantRepository } from '../ports/tenant-repository';
import type { UnitOfWork } from '../ports/unit-of-work';
import type { UserRepository } from '../ports/user-repository';
import type { Workflows } from '../ports/workflows';

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
