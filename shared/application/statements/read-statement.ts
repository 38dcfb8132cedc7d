import type { Contact, ContactRepository } from '#application/ports/contact-repository';
import type { StatementProjection } from '#application/ports/statement-projection';
import type { TenantRepository } from '#application/ports/tenant-repository';
import { followUpSettingsOf } from '#application/reminders/tenant-follow-up-settings';
import type { CalendarDate } from '#domain/calendar-date';
import { NO_LATE_CHARGES } from '#domain/interest-policy';
import { buildStatement, type Statement } from '#domain/statement';
import type { AppLogger } from '#logging/create-logger';

export interface StatementDependencies {
  contacts: Pick<ContactRepository, 'get'>;
  tenants: Pick<TenantRepository, 'getProfile'>;
  statements: Pick<StatementProjection, 'read'>;
  logger?: AppLogger;
}

export interface ContactStatement {
  contact: Contact;
  statement: Statement;
}

/**
 * A payer's statement as of `today`: the contact (GetItem), the tenant's late-charge policy (GetItem) and the
 * projection's lines (one Query), combined by the domain. The WhatsApp answer and the API both read it here.
 * `undefined` when the tenant has no such contact.
 */
export async function readStatement(
  deps: StatementDependencies,
  input: { tenantId: string; contactId: string; today: CalendarDate },
): Promise<ContactStatement | undefined> {
  const [contact, profile, lines] = await Promise.all([
    deps.contacts.get(input.tenantId, input.contactId),
    deps.tenants.getProfile(input.tenantId),
    deps.statements.read(input.tenantId, input.contactId),
  ]);
  if (!contact) return undefined;
  const settings = followUpSettingsOf(profile, deps.logger);
  const statement = buildStatement({
    contactId: contact.contactId,
    boletos: lines.boletos,
    payments: lines.payments,
    today: input.today,
    policy: profile?.interestPolicy ?? NO_LATE_CHARGES,
    extra: settings.extraHolidays,
  });
  return { contact, statement };
}
