import { answerBudgetIntent, type BudgetCommandDependencies } from '#application/budgets/budget-commands';
import { answerLedgerQuery, type LedgerQueryDependencies } from '#application/ledger/answer-ledger-query';
import { monthlySummary } from '#application/ledger/monthly-summary';
import { type RecordOwnerEntryDependencies, recordOwnerEntry } from '#application/ledger/record-owner-entry';
import { setCategoryRule } from '#application/ledger/set-category-rule';
import type { CategoryRuleRepository } from '#application/ports/category-rule-repository';
import type { ConversationRepository } from '#application/ports/conversation-repository';
import type { RecurringExpenseRepository } from '#application/ports/recurring-expense-repository';
import type { ReportCommands } from '#application/reports/report-commands';
import { validateRequest } from '#application/request-validation';
import { stopTrackingExpense } from '#application/subscriptions/stop-tracking-expense';
import { type CalendarDate, saoPauloDateOf } from '#domain/calendar-date';
import { normalizePhone } from '#domain/phone-number';
import type { OwnerCommands } from './conversation-dependencies';

/** Answers about boletos, from the owner queries (each returns the pt-BR reply). */
export interface BoletoQueries {
  paymentStatus(input: { tenantId: string; contactName: string | null }): Promise<string>;
  receivables(input: { tenantId: string }): Promise<string>;
  /** "extrato do João": the payer's statement (the same data as `GET /v1/statements/{contactId}`). */
  statement(input: { tenantId: string; contactName: string | null }): Promise<string>;
}

/** How long "Qual o valor do gasto?" waits for a bare amount. */
const PENDING_ENTRY_MINUTES = 30;

/** Expenses or income above this are asked about once (a typo like "45000" for "450,00"). */
const USUAL_MAX_ENTRY_CENTS = 5_000_000;

/**
 * The intents answered at once: queries, ledger entries and the month's summary. A ledger entry goes through
 * the same validation as every interpretation (missing amount, a date in the future…) before it is booked.
 */
export function ownerCommands(
  deps: RecordOwnerEntryDependencies & {
    categoryRules: CategoryRuleRepository;
    recurringExpenses: RecurringExpenseRepository;
    boletos: BoletoQueries;
    conversations: Pick<ConversationRepository, 'setPendingEntry' | 'takePendingEntry'>;
    /** Ledger questions (monthly figures, late payers) and budgets. */
    /** The owner report by message (absent where the function cannot store files). */
    reports?: ReportCommands;
    finance: Omit<LedgerQueryDependencies, 'ledger' | 'clock'> & Omit<BudgetCommandDependencies, 'clock'>;
  },
): OwnerCommands {
  return {
    async completePendingEntry({ tenantId, ownerPhone, memberId, amountCents }) {
      const pending = await deps.conversations.takePendingEntry(tenantId, ownerPhone, deps.clock.now());
      if (!pending) return undefined;
      return recordOwnerEntry(deps, {
        tenantId,
        kind: pending.kind,
        amountCents,
        date: pending.date as CalendarDate | null,
        description: pending.description,
        messageId: pending.messageId,
        ownerPhone,
        ...(memberId && { memberId }),
      });
    },
    async answer({ tenantId, ownerPhone, memberId, messageId, intent, interpretation }) {
      switch (intent) {
        case 'record_expense':
        case 'record_income': {
          const issues = validateRequest(interpretation, {
            today: saoPauloDateOf(deps.clock.now()),
            usualMaxCents: USUAL_MAX_ENTRY_CENTS,
            usualMaxEntryCents: USUAL_MAX_ENTRY_CENTS,
          });
          const blocking = issues.find((issue) => issue.code !== 'amount_unusual');
          if (blocking?.code === 'missing_amount') {
            await deps.conversations.setPendingEntry(tenantId, normalizePhone(ownerPhone), {
              kind: intent === 'record_expense' ? 'expense' : 'income',
              description: interpretation.description ?? null,
              date: interpretation.date,
              messageId,
              expiresAt: new Date(deps.clock.now().getTime() + PENDING_ENTRY_MINUTES * 60_000).toISOString(),
            });
          }
          if (blocking) return blocking.question;
          return recordOwnerEntry(deps, {
            tenantId,
            kind: intent === 'record_expense' ? 'expense' : 'income',
            amountCents: interpretation.amountCents,
            date: interpretation.date,
            description: interpretation.description ?? null,
            messageId,
            ownerPhone: normalizePhone(ownerPhone),
            ...(memberId && { memberId }),
          });
        }
        case 'ledger_summary':
        case 'ledger_question': {
          const query = interpretation.ledgerQuery;
          const plain =
            !query || (!query.period && !query.category && !query.contact && query.aggregate === 'sum');
          if (plain && intent === 'ledger_summary')
            return monthlySummary({ ...deps.finance, ledger: deps.ledger, clock: deps.clock }, { tenantId });
          return answerLedgerQuery(
            { ...deps.finance, ledger: deps.ledger, clock: deps.clock },
            {
              tenantId,
              query: query ?? { period: null, category: null, side: 'both', aggregate: 'sum' },
            },
          );
        }
        case 'check_status':
          return deps.boletos.paymentStatus({ tenantId, contactName: interpretation.contact });
        case 'list_receivables':
          return deps.boletos.receivables({ tenantId });
        case 'statement':
          return deps.boletos.statement({ tenantId, contactName: interpretation.contact });
        case 'set_category_rule':
          return setCategoryRule(deps, {
            tenantId,
            rule: interpretation.categoryRule,
            ...(memberId && { memberId }),
          });
        case 'stop_tracking_expense':
          return stopTrackingExpense(deps, {
            tenantId,
            name: interpretation.trackedExpense,
            ...(memberId && { memberId }),
          });
        case 'set_budget':
        case 'list_budgets':
        case 'remove_budget':
          return answerBudgetIntent(
            { ...deps.finance, clock: deps.clock },
            { tenantId, intent, interpretation },
          );
        case 'send_report':
        case 'send_spreadsheet':
        case 'report_schedule':
          if (!deps.reports) return 'Os relatórios ainda não estão disponíveis por aqui.';
          return deps.reports.answer({
            tenantId,
            ownerPhone,
            messageId,
            intent,
            terms: interpretation.report,
          });
      }
    },
  };
}
