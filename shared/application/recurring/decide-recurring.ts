import type {
  ConversationDependencies,
  ReplyInput,
} from '#application/conversation/conversation-dependencies';
import { parseConfirmationButton, textOf } from '#application/conversation/owner-text';
import { replies } from '#application/conversation/replies-pt-br';
import { replyOnce } from '#application/conversation/reply-once';
import { DONE, type StepResult } from '#application/conversation/step-result';
import { saoPauloDateOf, saoPauloInstant } from '#domain/calendar-date';
import { close, confirm, type OwnerRequest } from '#domain/owner-request';
import { samePhone } from '#domain/phone-number';
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
export async function decideRecurring(
  deps: ConversationDependencies,
  request: OwnerRequest,
  input: ReplyInput,
): Promise<StepResult> {
  const reply = (text: string, purpose: string) =>
    replyOnce(deps, request.tenantId, request.ownerPhone, text, input.reply.messageId, purpose);
  if (request.status === 'confirmed') return carryOut(deps, request, input.reply.messageId);
  if (request.status !== 'awaiting_confirmation') {
    await reply(replies.alreadyDecided(), 'already-decided');
    return DONE;
  }
  const decision = await decisionOf(deps, request, input);
  if (decision === 'deny') {
    await deps.conversations.saveRequest(close(request, 'cancelled', deps.clock.now()), request.version);
    await reply(
      request.kind === 'stop_recurring' ? recurringTexts.stopKept() : recurringTexts.createKept(),
      'recurring-kept',
    );
    await deps.conversations.release(request.tenantId, request.ownerPhone, request.requestId);
    return DONE;
  }
  if (decision !== 'confirm') {
    const again = {
      ...request,
      confirmationsAsked: (request.confirmationsAsked ?? 0) + 1,
      version: request.version + 1,
    };
    await deps.conversations.saveRequest(again, request.version);
    return { requestId: request.requestId, next: 'confirm' };
  }
  const confirmed = confirm(request, request.version, deps.clock.now());
  await deps.conversations.saveRequest(confirmed, request.version);
  return carryOut(deps, confirmed, input.reply.messageId);
}

async function decisionOf(
  deps: ConversationDependencies,
  request: OwnerRequest,
  input: ReplyInput,
): Promise<'confirm' | 'deny' | undefined> {
  const button = parseConfirmationButton(input.reply.content);
  if (button) {
    return button.requestId === request.requestId && button.version === request.version
      ? button.decision
      : undefined;
  }
  if (!samePhone(input.reply.from, request.ownerPhone)) return undefined;
  const text = await textOf(input.reply.content, deps.transcriber);
  const { intent } = await deps.language.interpret({ text, today: saoPauloDateOf(deps.clock.now()) });
  return intent === 'confirm' ? 'confirm' : intent === 'deny' ? 'deny' : undefined;
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
