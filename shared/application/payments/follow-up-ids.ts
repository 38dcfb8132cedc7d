import { createHash } from 'node:crypto';

/**
 * Ids derived from what caused an item (a provider payment, a reminder turn), so a replayed or concurrent
 * step computes the same ids and the table's conditional puts keep exactly one of each.
 */
export function derivedId(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

/**
 * Paytime has no payment id and a billet is paid at most once, so a payment's identity is the billet and the
 * status that reported it (docs/paytime.md §5).
 */
export function providerPaymentKeyOf(providerId: string): string {
  return `${providerId}:paid`;
}

export function paymentIdOf(provider: string, providerPaymentKey: string): string {
  return derivedId('payment', provider, providerPaymentKey);
}

export function ledgerEntryIdOf(paymentId: string): string {
  return `payment-${paymentId}`;
}
