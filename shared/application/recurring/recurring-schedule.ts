import type { RecurringPorts } from '#application/conversation/conversation-dependencies';
import type { OwnerMessageInput, Workflows } from '#application/ports/workflows';
import { SAO_PAULO_TIME_ZONE, saoPauloInstant } from '#domain/calendar-date';
import { dueDateIn, ISSUE_HOUR, issueDateOf, type Period, type RecurringPlan } from '#domain/recurring-plan';
import { atExpression } from '#domain/schedule-expression';

/**
 * One Scheduler schedule per plan (`recurring-<planId>`), a one-time `at()` on the next month's issue date at
 * 09:00 São Paulo, re-armed by name for the following month by each month's issue step. Its target is the
 * conversation state machine, started with the month's issue message (`recurring-<planId>-<YYYY-MM>`, whose id
 * is the month's request id: a replayed firing finds the request and creates nothing).
 */

export function scheduleNameOf(planId: string): string {
  return `recurring-${planId}`;
}

export function issueMessageOf(plan: RecurringPlan, period: Period): OwnerMessageInput {
  const issueAt = saoPauloInstant(issueDateOf(dueDateIn(period, plan.dayOfMonth)), ISSUE_HOUR);
  return {
    messageId: `recurring-${plan.planId}-${period}`,
    from: plan.ownerPhone,
    content: { type: 'recurring_issue', planId: plan.planId, period },
    receivedAt: issueAt.toISOString(),
  };
}

/**
 * Makes the month's boleto happen: schedules its issue, or, when its issue time has come already (a plan
 * confirmed less than ten days before its first due date), starts it now (the execution name derives from
 * the message id, so starting twice starts one).
 */
export async function armPeriod(
  deps: { recurring: RecurringPorts; workflows: Workflows; now: Date },
  plan: RecurringPlan,
  period: Period,
): Promise<'scheduled' | 'started'> {
  const message = issueMessageOf(plan, period);
  if (Date.parse(message.receivedAt) <= deps.now.getTime()) {
    await deps.workflows.startConversation({ tenantId: plan.tenantId, message });
    return 'started';
  }
  await deps.recurring.schedules.upsert({
    name: scheduleNameOf(plan.planId),
    expression: atExpression(issueDateOf(dueDateIn(period, plan.dayOfMonth)), ISSUE_HOUR),
    timezone: SAO_PAULO_TIME_ZONE,
    target: { arn: deps.recurring.conversationStateMachineArn },
    input: { tenantId: plan.tenantId, message },
    description: `IRIS recurring plan ${plan.planId}: boleto of ${period}`,
  });
  return 'scheduled';
}
