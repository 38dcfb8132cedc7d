import type { Intent } from '#application/ports/interpretation.schema';
import type { TenantUser, UserRepository } from '#application/ports/user-repository';
import { can, type MemberAction } from '#domain/member-permissions';
import type { E164 } from '#domain/phone-number';

/**
 * What each intent of a WhatsApp message asks to do, in the terms of the one permission matrix
 * (`#domain/member-permissions`): a member's message is carried out only when their role `can` do it.
 */
export const ACTION_OF_INTENT: Readonly<Record<Intent, MemberAction>> = {
  create_boleto: 'charge',
  create_recurring: 'charge',
  amend_boleto: 'charge',
  cancel_boleto: 'cancel',
  stop_recurring: 'cancel',
  record_expense: 'book_ledger',
  record_income: 'book_ledger',
  correct_ledger: 'book_ledger',
  set_category_rule: 'book_ledger',
  stop_tracking_expense: 'book_ledger',
  add_member: 'manage_members',
  remove_member: 'manage_members',
  set_budget: 'book_ledger',
  remove_budget: 'book_ledger',
  list_budgets: 'read',
  check_status: 'read',
  list_receivables: 'read',
  ledger_summary: 'read',
  statement: 'read',
  ledger_question: 'read',
  list_recurring: 'read',
  confirm: 'read',
  deny: 'read',
  help: 'read',
  unknown: 'read',
  portfolio_status: 'read',
  collections_campaign: 'charge',
  collections_schedule: 'charge',
  collections_schedule_stop: 'charge',
  collections_pause: 'charge',
  collections_resume: 'charge',
  collections_pin: 'charge',
  collections_unpin: 'charge',
  send_report: 'read',
  send_spreadsheet: 'read',
  // Changes when the owners get the report: the people who keep the books.
  report_schedule: 'book_ledger',
};

export type MemberVerdict =
  | { allowed: true; member: TenantUser }
  | { allowed: false; member?: TenantUser; action: MemberAction };

/** The member behind a WhatsApp phone and whether their role may do `action` (no member: refused). */
export async function memberMay(
  users: Pick<UserRepository, 'findByPhone'>,
  tenantId: string,
  phone: E164,
  action: MemberAction,
): Promise<MemberVerdict> {
  const member = await users.findByPhone(tenantId, phone);
  if (member && can(member.role, action)) return { allowed: true, member };
  return member ? { allowed: false, member, action } : { allowed: false, action };
}
