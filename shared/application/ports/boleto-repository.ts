import type { Boleto, BoletoChange, BoletoEvent } from '#domain/boleto';
import type { BoletoActivity } from '#domain/boleto-activity';
import type { CalendarDate } from '#domain/calendar-date';
import { DomainError } from '#domain/domain-error';
import type { Page, PageRequest } from './page';
import type { TransactionContext } from './unit-of-work';

/** A boleto with its audit trail: state changes and activities, each oldest first. */
export interface BoletoWithHistory {
  boleto: Boleto;
  events: BoletoEvent[];
  activities: BoletoActivity[];
}

/** A boleto was already created for this command key. Nothing was written. */
export class DuplicateBoletoCommandError extends DomainError {
  constructor(
    readonly commandKey: string,
    options?: { cause?: unknown },
  ) {
    super('duplicate_boleto_command', `a boleto was already created for command ${commandKey}`, options);
    this.name = 'DuplicateBoletoCommandError';
  }
}

/** Another boleto of the tenant is already registered with this provider id. Nothing was written. */
export class DuplicateProviderBoletoError extends DomainError {
  constructor(
    readonly providerId: string,
    options?: { cause?: unknown },
  ) {
    super('duplicate_provider_boleto', `provider boleto ${providerId} is linked to another boleto`, options);
    this.name = 'DuplicateProviderBoletoError';
  }
}

export interface BoletoRepository {
  /**
   * Stores a new boleto with its events and claims its command key, atomically.
   * Throws `DuplicateBoletoCommandError` if the command key was used (nothing is written then).
   */
  create(change: BoletoChange, tx?: TransactionContext): Promise<void>;
  /**
   * Stores the boleto's new state and appends its events, only if the stored version is still
   * `expectedVersion` (the version that was read); otherwise `ConcurrentModificationError` and nothing is
   * written. A registration also claims the provider id (`DuplicateProviderBoletoError`). A change with no
   * events and an unchanged version writes nothing.
   */
  update(change: BoletoChange, expectedVersion: number, tx?: TransactionContext): Promise<void>;
  /** Strongly consistent by default: what a conditional write will be checked against. */
  get(
    tenantId: string,
    boletoId: string,
    options?: { consistentRead?: boolean },
  ): Promise<Boleto | undefined>;
  /** The boleto, its audit events and its activities in order, in one Query. */
  getWithHistory(tenantId: string, boletoId: string): Promise<BoletoWithHistory | undefined>;
  findByCommandKey(tenantId: string, commandKey: string): Promise<Boleto | undefined>;
  /** The boleto a provider id (Paytime's billet id, from a webhook) belongs to. */
  findByProviderId(tenantId: string, providerId: string): Promise<Boleto | undefined>;
  /** A contact's boletos, by due date. */
  listByContact(tenantId: string, contactId: string): Promise<Boleto[]>;
  /**
   * Open boletos (neither paid nor cancelled; `requested` and `disputed` included) by due date, optionally
   * within an inclusive due-date range: reconciliation, "who owes me", overdue lists.
   */
  listOpen(tenantId: string, range?: { dueFrom?: CalendarDate; dueTo?: CalendarDate }): Promise<Boleto[]>;
  /**
   * One page by due date: a contact's boletos (every status) when `contactId` is given, else the tenant's
   * open boletos; optionally within an inclusive due-date range.
   */
  listPage(tenantId: string, filter: BoletoListFilter, page: PageRequest): Promise<Page<Boleto>>;
}

export interface BoletoListFilter {
  contactId?: string;
  dueFrom?: CalendarDate;
  dueTo?: CalendarDate;
}
