import type { BoletoRepository } from '#application/ports/boleto-repository';
import type { ContactRepository } from '#application/ports/contact-repository';
import type { TenantRepository } from '#application/ports/tenant-repository';
import type { AppLogger } from '#logging/create-logger';

/** The owner's questions are answered from the table alone (no provider call, no message sent). */
export interface OwnerQueryDependencies {
  boletos: BoletoRepository;
  contacts: ContactRepository;
  tenants: TenantRepository;
  logger?: AppLogger;
}
