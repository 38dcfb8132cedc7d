import { type AgingBuckets, oldestBucketWithBalance } from './aging-buckets';

/**
 * Escalation degree of an account, from its aging (rule table and reasons in docs/decisions.md, "Collections
 * by e-mail"):
 *
 * | degree | name                         | when (oldest bucket with a balance)          |
 * | ------ | ---------------------------- | -------------------------------------------- |
 * | none   | nothing to chase             | no balance, or nothing past its due date     |
 * | 1      | friendly reminder            | 0–30 with at least one invoice past due      |
 * | 2      | firm reminder                | 31–60                                        |
 * | 3      | formal notice                | 61–90                                        |
 * | 4      | final notice before legal    | 91–120 or over 120                           |
 *
 * The owner may pin an account's degree (it stays until unpinned, whatever the aging) or pause the account
 * (no collection e-mail at all).
 */
export const ESCALATION_DEGREES = [1, 2, 3, 4] as const;

export type EscalationDegree = (typeof ESCALATION_DEGREES)[number];

export const ESCALATION_DEGREE_NAMES: Readonly<Record<EscalationDegree, string>> = {
  1: 'lembrete amigável',
  2: 'lembrete firme',
  3: 'notificação formal',
  4: 'aviso final antes de medidas legais',
};

export interface AccountCollectionControl {
  /** The owner fixed the degree (e.g. a customer they want treated gently, or sent straight to 4). */
  pinnedDegree?: EscalationDegree;
  /** The owner paused collections for this account (negotiation in progress, dispute). */
  paused?: boolean;
}

export type EscalationDecision =
  | { action: 'send'; degree: EscalationDegree; reason: 'aging' | 'pinned' }
  | { action: 'skip'; reason: 'paused' | 'nothing_overdue' };

export function degreeFromAging(aging: AgingBuckets, maxDaysOverdue: number): EscalationDegree | undefined {
  const oldest = oldestBucketWithBalance(aging);
  if (oldest === undefined) return undefined;
  switch (oldest) {
    case 'days0To30':
      return maxDaysOverdue > 0 ? 1 : undefined;
    case 'days31To60':
      return 2;
    case 'days61To90':
      return 3;
    default:
      return 4;
  }
}

export function decideEscalation(
  aging: AgingBuckets,
  maxDaysOverdue: number,
  control: AccountCollectionControl = {},
): EscalationDecision {
  if (control.paused) return { action: 'skip', reason: 'paused' };
  const fromAging = degreeFromAging(aging, maxDaysOverdue);
  if (fromAging === undefined) return { action: 'skip', reason: 'nothing_overdue' };
  if (control.pinnedDegree !== undefined)
    return { action: 'send', degree: control.pinnedDegree, reason: 'pinned' };
  return { action: 'send', degree: fromAging, reason: 'aging' };
}
