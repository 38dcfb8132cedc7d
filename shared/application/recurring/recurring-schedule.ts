import type { RecurringPorts } from '#application/conversation/conversation-dependencies';
import type { OwnerMessageInput } from '#application/ports/workflows';
import { SAO_PAULO_TIME_ZONE, saoPauloDateOf, saoPauloInstant, saoPauloTimeOf } from '#domain/calendar-date';
import { dueDateIn, ISSUE_HOUR, issueDateOf, type Period, type RecurringPlan } from '#domain/recurring-plan';
import { atExpression } from '#domain/schedule-expression';

/**
 * One Scheduler schedule per plan (`recurring-<planId>`), a one-time `at()` on the next month's issue date at
 * 09:00 São Paulo, re-armed by name for the following month by each month's issue step. Its target is the
 * conversation state machine, started with the month's issue message (`recurring-<planId>-<YYYY-MM>`, whose id
 * is the month's request id: a replayed firing finds the request and creates nothing).
 */

/** Every plan's schedule name starts with it (the schedule group also holds other kinds). */
export const RECURRING_SCHEDULE_NAME_PREFIX = 'recurring-';

export function scheduleNameOf(planId: string): string {
  return `${RECURRING_SCHEDULE_NAME_PREFIX}${planId}`;
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
 * Arms the plan's one schedule for the month: its issue date at 09:00 São Paulo or, when that time has come
 * already (a plan confirmed less than ten days before its first due date), the next minute. Only schedules and
 * the inbound router start conversations (no function here needs StartExecution).
 */
export async function armPeriod(
  deps: { recurring: RecurringPorts; now: Date },
  plan: RecurringPlan,
  period: Period,
): Promise<'scheduled' | 'next_minute'> {
  const message = issueMessageOf(plan, period);
  const issueAt = new Date(message.receivedAt);
  const late = issueAt.getTime() <= deps.now.getTime();
  const at = late ? new Date(Math.ceil((deps.now.getTime() + 60_000) / 60_000) * 60_000) : issueAt;
  const { hour, minute } = saoPauloTimeOf(at);
  await deps.recurring.schedules.upsert({
    name: scheduleNameOf(plan.planId),
    expression: atExpression(saoPauloDateOf(at), hour, minute),
    timezone: SAO_PAULO_TIME_ZONE,
    target: { arn: deps.recurring.conversationStateMachineArn },
    input: { tenantId: plan.tenantId, message },
    description: `IRIS recurring plan ${plan.planId}: boleto of ${period}`,
  });
  return late ? 'next_minute' : 'scheduled';
}
