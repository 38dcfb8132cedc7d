// The console's budgets panel (issue 15): each limit with what the current month spent against it, as
// GET /_local/budgets (and /_local/state's `budgets`) read it. Plain browser JavaScript, no build step.
import { byId, cell } from './console-collections.js';
import { money } from './console-format.js';

/** `{ month, budgets }`: one row per budget, over-limit rows marked. */
export function renderBudgets(current) {
  const budgets = current?.budgets ?? [];
  const [year, month] = (current?.month ?? '').split('-');
  byId('budgets-month').textContent = month ? `${month}/${year}` : '';
  byId('budgets-empty').hidden = budgets.length > 0;
  byId('budgets').replaceChildren(
    ...budgets.map((budget) => {
      const row = document.createElement('tr');
      row.dataset.category = budget.category ?? '';
      if (budget.overCents > 0) row.className = 'over';
      const left = budget.overCents > 0 ? `passou ${money(budget.overCents)}` : money(budget.remainingCents);
      row.append(
        cell(budget.name),
        cell(money(budget.spentCents), 'num'),
        cell(money(budget.limitCents), 'num'),
        cell(`${budget.percent}%`, 'num'),
        cell(left, 'num'),
      );
      return row;
    }),
  );
}
