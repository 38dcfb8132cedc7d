import type { ConversationDependencies } from '#application/conversation/conversation-dependencies';
import { deterministicId } from '#application/conversation/deterministic-id';
import { replyOnce } from '#application/conversation/reply-once';
import { requireTenant } from '#application/conversation/request-loading';
import { DONE, type StepResult } from '#application/conversation/step-result';
import { findContactByName, whichContactText } from '#application/owner-queries/find-contact';
import type { Interpretation } from '#application/ports/language-model';
import { saoPauloDateOf } from '#domain/calendar-date';
import { foldName } from '#domain/contact-matching';
import type { OwnerRequest } from '#domain/owner-request';
import type { E164 } from '#domain/phone-number';
import {
  comparePeriods,
  firstPeriodFrom,
  lastPeriodOf,
  MAX_PLAN_MONTHS,
  monthsOf,
  type RecurringPlan,
} from '#domain/recurring-plan';
import { recurringTexts } from './recurring-texts-pt-br';

export interface RecurringMessageInput {
  tenantId: string;
  ownerPhone: E164;
  messageId: string;
  text: string;
  interpretation: Interpretation;
  intent: 'create_recurring' | 'list_recurring' | 'stop_recurring';
}

/**
 * "cobra 100 do João todo mês dia 10" opens a plan request to confirm (amount, an existing contact, the day,
 * the first month, the optional end); "para a mensalidade do João" opens a stop request to confirm; "quais
 * cobranças mensais eu tenho?" lists the active plans. Anything missing or wrong is said at once, nothing kept.
 */
export async function startRecurringRequest(
  deps: ConversationDependencies,
  input: RecurringMessageInput,
): Promise<StepResult> {
  const reply = async (text: string, purpose: string) => {
    await replyOnce(deps, input.tenantId, input.ownerPhone, text, input.messageId, purpose);
    return DONE;
  };
  const recurring = deps.recurring;
  if (!recurring) return reply(recurringTexts.notConfigured(), 'recurring-unavailable');
  if (input.intent === 'list_recurring') {
    const active = (await recurring.plans.list(input.tenantId)).filter((plan) => plan.status === 'active');
    return reply(active.length ? recurringTexts.list(active) : recurringTexts.noPlans(), 'recurring-list');
  }
  const requestId = deterministicId('request', input.tenantId, input.messageId);
  const existing = await deps.conversations.getRequest(input.tenantId, requestId);
  if (existing) return { requestId, next: existing.status === 'awaiting_confirmation' ? 'confirm' : 'done' };
  const name = input.interpretation.contact;
  if (input.intent === 'stop_recurring') {
    if (!name) return reply(recurringTexts.whichPlan('João'), 'recurring-stop-which');
    const active = (await recurring.plans.list(input.tenantId)).filter(
      (plan) => plan.status === 'active' && foldName(plan.contactName).includes(foldName(name)),
    );
    const amount = input.interpretation.amountCents;
    const chosen = amount != null ? active.filter((plan) => plan.amountCents === amount) : active;
    const [plan] = chosen;
    if (!plan) return reply(recurringTexts.noPlanFor(name), 'recurring-stop-none');
    if (chosen.length > 1)
      return reply(recurringTexts.severalPlansFor(name, chosen), 'recurring-stop-several');
    return openRequest(deps, input, requestId, 'stop_recurring', plan);
  }

  const terms = input.interpretation.recurrence ?? {};
  const amountCents = input.interpretation.amountCents;
  const missing = [
    ...(amountCents == null || amountCents <= 0 ? ['o valor'] : []),
    ...(name ? [] : ['o contato']),
    ...(terms.dayOfMonth ? [] : ['o dia do vencimento']),
  ];
  if (missing.length > 0 || amountCents == null || !name || !terms.dayOfMonth) {
    return reply(recurringTexts.missingTerms(missing), 'recurring-missing');
  }
  const tenant = await requireTenant(deps, input.tenantId);
  if (amountCents > tenant.limits.maxBoletoAmountCents) {
    return reply(recurringTexts.amountAboveLimit(tenant.limits.maxBoletoAmountCents), 'recurring-limit');
  }
  const lookup = await findContactByName(deps, input.tenantId, name, 'new_charge');
  if (lookup.kind !== 'found') return reply(whichContactText(name, lookup) ?? '', 'recurring-contact');
  const firstPeriod = firstPeriodFrom(saoPauloDateOf(deps.clock.now()), terms.dayOfMonth);
  const lastPeriod = lastPeriodOf(firstPeriod, terms.end);
  if (lastPeriod && comparePeriods(lastPeriod, firstPeriod) < 0) {
    return reply(recurringTexts.endBeforeStart(), 'recurring-end');
  }
  if (lastPeriod && (monthsOf({ firstPeriod, lastPeriod }) ?? 0) > MAX_PLAN_MONTHS) {
    return reply(recurringTexts.tooManyMonths(MAX_PLAN_MONTHS), 'recurring-too-long');
  }
  return openRequest(deps, input, requestId, 'create_recurring', {
    contactId: lookup.contact.contactId,
    contactName: lookup.contact.name,
    amountCents,
    dayOfMonth: terms.dayOfMonth,
    firstPeriod,
    ...(lastPeriod && { lastPeriod }),
  });
}

async function openRequest(
  deps: ConversationDependencies,
  input: RecurringMessageInput,
  requestId: string,
  kind: 'create_recurring' | 'stop_recurring',
  plan: Pick<
    RecurringPlan,
    'contactId' | 'contactName' | 'amountCents' | 'dayOfMonth' | 'firstPeriod' | 'lastPeriod'
  > &
    Partial<Pick<RecurringPlan, 'planId'>>,
): Promise<StepResult> {
  const now = deps.clock.now().toISOString();
  const request: OwnerRequest = {
    tenantId: input.tenantId,
    requestId,
    ownerPhone: input.ownerPhone,
    kind,
    status: 'awaiting_confirmation',
    version: 1,
    amountCents: plan.amountCents,
    contactId: plan.contactId,
    contactDisplayName: plan.contactName,
    contactName: plan.contactName,
    recurrence: {
      dayOfMonth: plan.dayOfMonth,
      firstPeriod: plan.firstPeriod,
      ...(plan.lastPeriod && { lastPeriod: plan.lastPeriod }),
      ...(plan.planId && { planId: plan.planId }),
    },
    createdAt: now,
    updatedAt: now,
  };
  await deps.conversations.saveRequest(request, undefined);
  return { requestId, next: 'confirm' };
}
