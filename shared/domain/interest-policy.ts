import { DomainError, InvalidInputError } from './domain-error';

/**
 * What a tenant charges on a boleto paid late, in integer basis points (100 bps = 1%):
 * a one-time fine (multa) on the original amount, and simple late interest (juros de mora) per month,
 * charged as 1/30 of the monthly rate per calendar day. Both are capped at the consumer-law limits
 * (fine 2%, CDC art. 52 §1; interest 1% a month, Código Civil art. 406 with CTN art. 161 §1), so IRIS never
 * issues a boleto a court would trim. There is no implicit default: a tenant without a policy is asked.
 */
export interface InterestPolicy {
  readonly fineBps: number;
  readonly monthlyInterestBps: number;
}

export const MAX_FINE_BPS = 200;
export const MAX_MONTHLY_INTEREST_BPS = 100;

/** A tenant that chose to charge nothing after the due date. */
export const NO_LATE_CHARGES: InterestPolicy = Object.freeze({ fineBps: 0, monthlyInterestBps: 0 });

/** The market's usual terms, which are also the legal maximum: 2% fine + 1% a month. */
export const LEGAL_MAXIMUM_POLICY: InterestPolicy = Object.freeze({
  fineBps: MAX_FINE_BPS,
  monthlyInterestBps: MAX_MONTHLY_INTEREST_BPS,
});

function checkBps(value: number, cap: number, label: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new InvalidInputError(`${label} must be a whole, non-negative number of basis points: ${value}`);
  }
  if (value > cap) {
    throw new DomainError(
      'interest_policy_above_cap',
      `${label} of ${value} bps exceeds the legal cap of ${cap} bps`,
    );
  }
  return value;
}

/**
 * Validates an interest policy: whole basis points, not negative (InvalidInputError), within the legal caps
 * (DomainError `interest_policy_above_cap`). Returns a frozen copy.
 */
export function interestPolicy(input: { fineBps: number; monthlyInterestBps: number }): InterestPolicy {
  return Object.freeze({
    fineBps: checkBps(input.fineBps, MAX_FINE_BPS, 'fine'),
    monthlyInterestBps: checkBps(input.monthlyInterestBps, MAX_MONTHLY_INTEREST_BPS, 'monthly interest'),
  });
}

/** `2%`, `1,5%`, `0,33%`: basis points as a pt-BR percentage. */
export function formatBpsBr(bps: number): string {
  if (!Number.isSafeInteger(bps) || bps < 0) throw new InvalidInputError(`not basis points: ${bps}`);
  const digits = String(bps).padStart(3, '0');
  const fraction = digits.slice(-2).replace(/0+$/, '');
  return `${digits.slice(0, -2)}${fraction ? `,${fraction}` : ''}%`;
}

/** `multa de 2% e juros de 1% ao mês`, for the owner's confirmation and the boleto's instructions. */
export function describeInterestPolicyBr(policy: InterestPolicy): string {
  if (policy.fineBps === 0 && policy.monthlyInterestBps === 0) return 'sem multa nem juros após o vencimento';
  const parts: string[] = [];
  if (policy.fineBps > 0) parts.push(`multa de ${formatBpsBr(policy.fineBps)}`);
  if (policy.monthlyInterestBps > 0) parts.push(`juros de ${formatBpsBr(policy.monthlyInterestBps)} ao mês`);
  return parts.join(' e ');
}
