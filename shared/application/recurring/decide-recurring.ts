import type {
  ConversationDependencies,
  ReplyInput,
} from '#application/conversation/conversation-dependencies';
import { decideSideRequest } from '#application/conversation/decide-side-request';
import { replyOnce } from '#application/conversation/reply-once';
import { DONE, type StepResult } from '#application/conversation/step-result';
import { saoPauloInstant } from '#domain/calendar-date';
import { close, type OwnerRequest } from '#domain/owner-request';
import {
  dueDateIn,
  ISSUE_HOUR,
  isPeriod,
  issueDateOf,
  type Period,
  type RecurringPlan,
} from '#domain/recurring-plan';
import { armPeriod, scheduleNameOf } from './recurring-schedule';
import { recurringTexts } from './recurring-texts-pt-br';

/**
 * The owner's answer to "Confirma cobrança mensal…?" or "Encerrar a cobrança mensal…?". Only the Sim for this
 * request and version (or an explicit yes from the owner's phone) acts; a no keeps things as they were; anything
 * else asks again. A confirmed plan is stored once (its id is the request's) and its first month armed; a
 * confirmed stop marks the plan stopped and deletes its schedule (boletos already issued stay). Retried whole,
 * every part finds what the previous try did.
 */
export function decideRecurring(
  deps: ConversationDependencies,
  request: OwnerRequest,
  input: ReplyInput,
): Promise<StepResult> {
  return decideSideRequest(deps, request, input, {
    kept: () => ({
      text: request.kind === 'stop_recurring' ? recurringTexts.stopKept() : recurringTexts.createKept(),
      purpose: 'recurring-kept',
    }),
    carryOut,
  });
}

async function carryOut(
  deps: ConversationDependencies,
  request: OwnerRequest,
  causeId: string,
): Promise<StepResult> {
  const recurring = deps.recurring;
  const terms = request.recurrence;
  if (!recurring || !terms || !isPeriod(terms.firstPeriod) || !request.contactId) {
    throw new Error(`request ${request.requestId}: a recurring request without its terms`);
  }
  const now = deps.clock.now();
  const reply = (text: string, purpose: string) =>
    replyOnce(deps, request.tenantId, request.ownerPhone, text, causeId, purpose);
  if (request.kind === 'stop_recurring') {
    const planId = terms.planId ?? '';
    const stopped = await recurring.plans.stop(request.tenantId, planId, now);
    await recurring.schedules.delete(scheduleNameOf(planId));
    if (stopped) await reply(recurringTexts.stopped(stopped), 'recurring-stopped');
  } else {
    const plan: RecurringPlan = {
      tenantId: request.tenantId,
      planId: request.requestId,
      ownerPhone: request.ownerPhone,
      contactId: request.contactId,
      contactName: request.contactDisplayName ?? request.contactName ?? '',
      amountCents: request.amountCents ?? 0,
      dayOfMonth: terms.dayOfMonth,
      firstPeriod: terms.firstPeriod,
      ...(terms.lastPeriod && isPeriod(terms.lastPeriod) && { lastPeriod: terms.lastPeriod }),
      status: 'active',
      requestId: request.requestId,
      createdAt: request.confirmedAt ?? now.toISOString(),
    };
    await recurring.plans.create(plan);
    const first = plan.firstPeriod as Period;
    const armed = await armPeriod({ recurring, now }, plan, first);
    await reply(
      recurringTexts.created(
        plan,
        armed === 'next_minute' ? 'now' : issueDateOf(dueDateIn(first, plan.dayOfMonth)),
      ),
      'recurring-created',
    );
    deps.logger.info('recurring plan created', {
      planId: plan.planId,
      firstPeriod: first,
      firstIssueAt: saoPauloInstant(issueDateOf(dueDateIn(first, plan.dayOfMonth)), ISSUE_HOUR).toISOString(),
      armed,
    });
  }
  await deps.conversations.saveRequest(close(request, 'completed', now), request.version);
  await deps.conversations.release(request.tenantId, request.ownerPhone, request.requestId);
  return DONE;
}
