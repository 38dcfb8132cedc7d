import { DomainError } from '#domain/domain-error';
import type { InterestPolicy } from '#domain/interest-policy';
import type { Cents } from '#domain/money';
import type { TransactionContext } from './unit-of-work';

/** Guard rails on what IRIS does for a tenant without asking again. */
export interface TenantLimits {
  /** Largest boleto the tenant may issue, in centavos. */
  maxBoletoAmountCents: Cents;
  /** Messages IRIS may send to one contact in one São Paulo calendar day (reminders, boletos, receipts). */
  maxMessagesPerContactPerDay: number;
}

/** When reminders may go out, São Paulo wall-clock hours [startHour, endHour) on the given weekdays (0 = Sunday). */
export interface ReminderWindow {
  startHour: number;
  endHour: number;
  weekdays: number[];
}

export interface TenantProfile {
  tenantId: string;
  name: string;
  limits: TenantLimits;
  /** Fine and monthly interest after the due date (basis points, within the legal caps). */
  interestPolicy: InterestPolicy;
  reminderWindow: ReminderWindow;
  createdAt: string;
  updatedAt: string;
}

/** A WhatsApp Business phone-number id is already routed to another tenant. */
export class WhatsAppNumberTakenError extends DomainError {
  constructor(
    readonly phoneNumberId: string,
    options?: { cause?: unknown },
  ) {
    super(
      'whatsapp_number_taken',
      `WhatsApp phone number id ${phoneNumberId} is routed to another tenant`,
      options,
    );
    this.name = 'WhatsAppNumberTakenError';
  }
}

export interface TenantRepository {
  /** Creates or replaces the tenant's profile. */
  saveProfile(profile: TenantProfile, tx?: TransactionContext): Promise<void>;
  getProfile(tenantId: string): Promise<TenantProfile | undefined>;
  /**
   * Routes inbound WhatsApp messages for `phoneNumberId` (Meta's id of the business number) to `tenantId`.
   * Idempotent for the same tenant; throws `WhatsAppNumberTakenError` if another tenant holds the number.
   */
  routeWhatsAppNumber(phoneNumberId: string, tenantId: string, tx?: TransactionContext): Promise<void>;
  /** The tenant that owns a WhatsApp business number, from the webhook's `metadata.phone_number_id`. */
  findTenantIdByWhatsAppNumber(phoneNumberId: string): Promise<string | undefined>;
}
