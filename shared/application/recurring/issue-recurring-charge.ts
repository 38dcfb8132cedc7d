import type { ConversationDependencies } from '#application/conversation/conversation-dependencies';
import { deterministicId } from '#application/conversation/deterministic-id';
import { replyOnce } from '#application/conversation/reply-once';
import { DONE, type StepResult } from '#application/conversation/step-result';
import { ConcurrentModificationError, PreconditionFailedError } from '#application/ports/persistence-errors';
import type { OwnerMessageInput } from '#application/ports/workflows';
import { dateParts } from '#domain/calendar-date';
import type { OwnerRequest } from '#domain/owner-request';
import { coversPeriod, dueDateIn, isPeriod, nextPeriodOf } from '#domain/recurring-plan';
import { armPeriod, scheduleNameOf } from './recurring-schedule';
import { recurringTexts } from './recurring-texts-pt-br';

/**
 * A plan's monthly firing, as the first step of a conversation: the month's boleto becomes a request already
 * confirmed (the owner confirmed the plan once), and the workflow goes on exactly as for a confirmed one-off
 * boleto: create at the provider once (command key, look before re-creating, the outage path), register, send
 * to the payer with the usual delivery rules, start the reminders, tell the owner. The request id derives from
 * plan + month, so a replayed firing creates nothing. The next month is armed here (or the schedule deleted
 * when the plan ends). A stopped plan issues nothing.
 */
export async function issueRecurringCharge(
  deps: ConversationDependencies,
  input: { tenantId: string; message: OwnerMessageInput; planId: string; period: string },
): Promise<StepResult> {
  const { tenantId, planId, period, message } = input;
  const recurring = deps.recurring;
  const plan = recurring ? await recurring.plans.get(tenantId, planId) : undefined;
  if (!recurring || !plan || !isPeriod(period) || !coversPeriod(plan, period)) {
    deps.logger.info('recurring firing ignored', { planId, period, planStatus: plan?.status ?? 'absent' });
    return DONE;
  }
  const now = deps.clock.now();
  const next = nextPeriodOf(plan, period);
  if (next) await armPeriod({ recurring, now }, plan, next);
  else await recurring.schedules.delete(scheduleNameOf(planId));

  const requestId = deterministicId('request', tenantId, message.messageId);
  if (await deps.conversations.getRequest(tenantId, requestId)) {
    deps.logger.info('recurring firing replayed: the month is issued already', { planId, period, requestId });
    return DONE;
  }
  const contact = await deps.contacts.get(tenantId, plan.contactId);
  if (!contact) {
    await replyOnce(
      deps,
      tenantId,
      plan.ownerPhone,
      recurringTexts.contactGone(period),
      message.messageId,
      'recurring-contact-gone',
    );
    return DONE;
  }
  const dueDate = dueDateIn(period, plan.dayOfMonth);
  const { month, year } = dateParts(dueDate);
  const request: OwnerRequest = {
    tenantId,
    requestId,
    ownerPhone: plan.ownerPhone,
    status: 'confirmed',
    version: 1,
    amountCents: plan.amountCents,
    contactId: contact.contactId,
    contactDisplayName: contact.name,
    contactName: contact.name,
    dueDate,
    description: plan.description ?? `Mensalidade ${String(month).padStart(2, '0')}/${year}`,
    recurringIssue: `${planId}/${period}`,
    confirmationAskedAt: plan.createdAt,
    confirmedAt: plan.createdAt,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  try {
    await deps.conversations.saveRequest(request, undefined);
  } catch (error) {
    if (error instanceof ConcurrentModificationError || error instanceof PreconditionFailedError) return DONE;
    throw error;
  }
  deps.logger.info('recurring boleto requested', { planId, period, requestId });
  return { requestId, next: 'create' };
}
