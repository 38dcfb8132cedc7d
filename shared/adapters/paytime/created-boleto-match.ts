import type { FindBoletoHints, ProviderBoleto } from '#application/ports/billing-provider';
import { normalizeDocument } from './paytime-create-body';

/**
 * Which of the listed boletos (if any) an earlier `createBoleto` with this reference created.
 *
 * 1. A boleto carrying our reference tag is ours: definitive.
 * 2. Only if none does, a boleto carrying no IRIS tag at all (Paytime dropped or cut the description) with
 *    the same amount, due date and payer document, created after `createdAfter - clockSkewMs`, is taken as
 *    ours. Boletos tagged with another reference belong to other commands and are never taken.
 * With several matches, the earliest created wins (it is the one the first attempt made). A match is
 * returned whatever its status (a `failed` one included): the caller decides what to do with it.
 */
export function matchCreatedBoleto(
  candidates: readonly ProviderBoleto[],
  reference: string,
  hints: FindBoletoHints,
  clockSkewMs: number,
): ProviderBoleto | null {
  const tagged = candidates.filter((boleto) => boleto.reference === reference);
  if (tagged.length > 0) return earliest(tagged);
  const document = normalizeDocument(hints.payerTaxId);
  const notBefore = hints.createdAfter.getTime() - clockSkewMs;
  const untagged = candidates.filter(
    (boleto) =>
      boleto.reference === undefined &&
      boleto.amountCents === hints.amountCents &&
      boleto.dueDate === hints.dueDate &&
      boleto.payerTaxId !== undefined &&
      normalizeDocument(boleto.payerTaxId) === document &&
      Number.isFinite(createdAtMs(boleto)) &&
      createdAtMs(boleto) >= notBefore,
  );
  return untagged.length > 0 ? earliest(untagged) : null;
}

export function createdAtMs(boleto: ProviderBoleto): number {
  const at = boleto.createdAt ? Date.parse(boleto.createdAt) : Number.NaN;
  return Number.isNaN(at) ? Number.POSITIVE_INFINITY : at;
}

function earliest(boletos: readonly ProviderBoleto[]): ProviderBoleto {
  return [...boletos].sort((a, b) => createdAtMs(a) - createdAtMs(b))[0] as ProviderBoleto;
}
