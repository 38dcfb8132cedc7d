import type { Budget, BudgetThreshold, BudgetUsage } from '#domain/budget';
import { formatBrl } from '#domain/money';
import { type BudgetStatus, budgetName } from './budget-status';

/** The owner's words for budgets and their alerts (pt-BR, short, figures as `R$ 1.234,56`). */

function days(count: number): string {
  return count === 1 ? '1 dia' : `${count} dias`;
}

/**
 * "Você já usou 82% do limite de mercado (alimentação) (R$ 656,00 de R$ 800,00). Restam R$ 144,00 para 12 dias."
 * At 100%: how much over, and the days still to go.
 */
export function budgetAlertText(budget: Budget, usage: BudgetUsage, threshold: BudgetThreshold): string {
  const name = budgetName(budget);
  const figures = `${formatBrl(usage.spentCents)} de ${formatBrl(usage.limitCents)}`;
  if (threshold === 100) {
    const over = usage.overCents > 0 ? ` Passou ${formatBrl(usage.overCents)}.` : '';
    return `🚨 Você atingiu ${usage.percent}% do limite de ${name} (${figures}).${over} Faltam ${days(usage.daysLeft)} para o mês acabar.`;
  }
  return `⚠️ Você já usou ${usage.percent}% do limite de ${name} (${figures}). Restam ${formatBrl(usage.remainingCents)} para ${days(usage.daysLeft)}.`;
}

function statusLine({ budget, usage }: BudgetStatus): string {
  return `• ${budgetName(budget)}: ${formatBrl(budget.limitCents)} por mês — usado ${formatBrl(usage.spentCents)} (${usage.percent}%)`;
}

export function budgetSetReply(status: BudgetStatus, replaced: boolean): string {
  const { budget, usage } = status;
  const verb = replaced ? 'Limite atualizado' : 'Limite criado';
  const where =
    usage.spentCents > 0
      ? ` Este mês você já gastou ${formatBrl(usage.spentCents)} (${usage.percent}%).`
      : ' Este mês ainda não há gastos nele.';
  return `${verb}: ${budgetName(budget)}, ${formatBrl(budget.limitCents)} por mês.${where} Aviso quando passar de 80% e de 100%.`;
}

export function budgetListReply(statuses: BudgetStatus[]): string {
  if (statuses.length === 0) {
    return 'Você ainda não tem limites. Para criar: "meu limite de mercado é 800 por mês".';
  }
  return ['Seus limites (este mês):', ...statuses.map(statusLine)].join('\n');
}

export function budgetRemovedReply(name: string, removed: boolean): string {
  return removed
    ? `Pronto, tirei o limite de ${name}. Não vou mais avisar sobre ele.`
    : `Você não tem limite de ${name}.`;
}

export function unknownBudgetCategoryReply(word: string, categories: string[]): string {
  return `Não conheço a categoria "${word}". Posso pôr limite em: ${categories.join(', ')}, ou em todos os gastos ("meu limite de gastos é 5 mil por mês").`;
}

export const BUDGET_AMOUNT_QUESTION =
  'Qual o valor do limite por mês? Ex.: "meu limite de mercado é 800 por mês".';
