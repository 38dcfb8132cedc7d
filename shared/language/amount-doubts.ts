import type { AmountDoubt } from '#application/ports/language-model';
import { moneyCandidates } from './amounts';
import { findContactCandidates } from './contact-name';
import type { Token } from './tokenise';

const SCIENTIFIC = /(?<![\p{L}\d])[-+]?\d+(?:[.,]\d+)?[eE][-+]?\d+(?![\p{L}\d])/u;
/** A contact cue this sure, right after an amount, names whom that amount is for ("100 do João"). */
const CHARGE_CONTACT_SCORE = 2;

function isMinus(token: Token | undefined): boolean {
  return token !== undefined && (token.raw === '-' || token.raw === '−' || token.fold === 'menos');
}

/** "-50", "R$ -50", "menos 50": a minus sign right before the number, not a range ("10-20"). */
function isNegative(tokens: readonly Token[], start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    const token = tokens[index] as Token;
    if (token.kind !== 'number' && token.kind !== 'word') continue;
    const before = tokens[index - 1];
    return isMinus(before) && tokens[index - 2]?.kind !== 'number';
  }
  return false;
}

function severalCharges(tokens: readonly Token[], blocked: ReadonlySet<number>) {
  const amounts = moneyCandidates(tokens, blocked);
  if (amounts.length < 2) return undefined;
  const taken = new Set(blocked);
  for (const amount of amounts) for (let i = amount.start; i < amount.end; i++) taken.add(i);
  const names = findContactCandidates(tokens, taken).filter((name) => name.score >= CHARGE_CONTACT_SCORE);
  const charges: Array<{ amountCents: number; contact: string }> = [];
  amounts.forEach((amount, index) => {
    const until = amounts[index + 1]?.start ?? tokens.length;
    const name = names.find((candidate) => candidate.start >= amount.end && candidate.start < until);
    if (name) charges.push({ amountCents: amount.cents, contact: name.name });
  });
  const distinct = new Set(charges.map((charge) => charge.contact.toLowerCase()));
  return charges.length >= 2 && distinct.size >= 2 ? charges : undefined;
}

export function findAmountDoubt(
  text: string,
  tokens: readonly Token[],
  blocked: ReadonlySet<number>,
  amount: { cents: number; start: number; end: number } | null,
): AmountDoubt | undefined {
  const scientific = SCIENTIFIC.exec(text);
  if (scientific) return { kind: 'unreadable_amount', written: scientific[0] };
  if (amount && isNegative(tokens, amount.start, amount.end))
    return { kind: 'negative_amount', amountCents: amount.cents };
  const charges = severalCharges(tokens, blocked);
  return charges ? { kind: 'several_charges', charges } : undefined;
}
