import type { AppLogger } from '../../logging/create-logger';
import type { BoletoRepository } from '../ports/boleto-repository';
import type { ContactRepository } from '../ports/contact-repository';
import type { TenantRepository } from '../ports/tenant-repository';

/** The owner's questions are answered from the table alone (no provider call, no message sent). */
export interface OwnerQueryDependencies {
  boletos: BoletoRepository;
  contacts: ContactRepository;
  tenants: TenantRepository;
  logger?: AppLogger;
}
