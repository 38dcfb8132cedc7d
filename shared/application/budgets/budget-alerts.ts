import { ownerPhonesOf } from '#application/payments/record-provider-status';
import { BudgetAlertAlreadySentError, type BudgetRepository } from '#application/ports/budget-repository';
import type { Clock } from '#application/ports/clock';
import type { IdGenerator } from '#application/ports/id-generator';
import type { OutboxRepository } from '#application/ports/outbox-repository';
import type { UnitOfWork } from '#application/ports/unit-of-work';
import type { UserRepository } from '#application/ports/user-repository';
import {
  type Budget,
  type BudgetThreshold,
  type BudgetUsage,
  budgetUsage,
  thresholdsReached,
} from '#domain/budget';
import { saoPauloDateOf } from '#domain/calendar-date';
import type { LedgerMonthAggregate } from '#domain/ledger-aggregate';
import { formatBrl } from '#domain/money';
import { type NewOutboxMessage, newOutboxMessage } from '#domain/outbox-message';
import { budgetName, spentAgainst } from './budget-status';
import { budgetAlertText } from './budget-text-pt-br';

export interface BudgetAlertDependencies {
  budgets: BudgetRepository;
  users: UserRepository;
  outbox: Pick<OutboxRepository, 'add'>;
  unitOfWork: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
}

/** The approved template for an alert outside the 24-hour window: {{1}} budget, {{2}} percent, {{3}} spent, {{4}} limit. */
export const BUDGET_ALERT_TEMPLATE = 'iris_alerta_limite';

export interface SentBudgetAlert {
  category: string | null;
  threshold: BudgetThreshold;
}

/**
 * After a month's figures changed because expenses were booked in `expenseCategories`: for each budget of those
 * categories (and the overall one) whose spending reached 80% or 100% of its limit, tells the tenant's owners
 * once per threshold and month. The "alert sent" mark and the messages are one transaction (a replay finds the
 * mark and sends nothing); reaching 100% at once says only the 100% alert and marks 80% too, so a reversal back
 * under 100% never brings an 80% alert later in the month. Only the current São Paulo month alerts: an expense
 * dated in a closed month changes its figures, not what the owner can still do.
 */
export async function alertBudgets(
  deps: BudgetAlertDependencies,
  input: { aggregate: LedgerMonthAggregate; expenseCategories: readonly string[] },
): Promise<SentBudgetAlert[]> {
  const { aggregate } = input;
  const today = saoPauloDateOf(deps.clock.now());
  if (aggregate.month !== today.slice(0, 7) || input.expenseCategories.length === 0) return [];
  const budgets = (await deps.budgets.list(aggregate.tenantId)).filter(
    (budget) => budget.category === null || input.expenseCategories.includes(budget.category),
  );
  const sent: SentBudgetAlert[] = [];
  let owners: string[] | undefined;
  for (const budget of budgets) {
    const reached = thresholdsReached(budget.limitCents, spentAgainst(budget, aggregate));
    const top = reached.at(-1);
    if (top === undefined) continue;
    owners ??= await ownerPhonesOf(deps, aggregate.tenantId);
    const usage = budgetUsage(budget.limitCents, spentAgainst(budget, aggregate), today);
    const text = budgetAlertText(budget, usage, top);
    const messages = owners.map((owner) => alertMessage(owner, budget, text, usage, aggregate.month));
    if (await markOnce(deps, budget, aggregate.month, top, messages)) {
      sent.push({ category: budget.category, threshold: top });
    }
    for (const lower of reached.slice(0, -1)) await markOnce(deps, budget, aggregate.month, lower, []);
  }
  return sent;
}

/** True when this call marked the threshold (and staged its messages); false when it was marked before. */
async function markOnce(
  deps: BudgetAlertDependencies,
  budget: Budget,
  month: string,
  threshold: BudgetThreshold,
  messages: NewOutboxMessage[],
): Promise<boolean> {
  const now = deps.clock.now();
  try {
    await deps.unitOfWork.run(async (tx) => {
      await deps.budgets.markAlertSent(
        { tenantId: budget.tenantId, month, category: budget.category, threshold, sentAt: now.toISOString() },
        tx,
      );
      for (const message of messages) {
        await deps.outbox.add(
          newOutboxMessage(message, { id: deps.ids.newId(), tenantId: budget.tenantId, now }),
          tx,
        );
      }
    });
    return true;
  } catch (error) {
    if (error instanceof BudgetAlertAlreadySentError) return false;
    throw error;
  }
}

function alertMessage(
  owner: string,
  budget: Budget,
  text: string,
  usage: BudgetUsage,
  month: string,
): NewOutboxMessage {
  return {
    channel: 'whatsapp',
    kind: 'budget_alert',
    recipient: owner,
    audience: 'owner',
    content: { type: 'text', text },
    template: {
      name: BUDGET_ALERT_TEMPLATE,
      languageCode: 'pt_BR',
      parameters: [
        budgetName(budget),
        `${usage.percent}%`,
        formatBrl(usage.spentCents),
        formatBrl(usage.limitCents),
      ],
    },
    correlationId: `budget-${month}`,
  };
}
