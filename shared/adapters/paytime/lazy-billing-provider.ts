import { type BillingProvider, BillingProviderUnavailableError } from '#application/ports/billing-provider';

/**
 * Builds the provider on its first call (its credentials are a secret most invocations never need); a failed
 * load is retried on the next call. When `load` yields nothing, every call is "unavailable".
 */
export function lazyBillingProvider(load: () => Promise<BillingProvider | undefined>): BillingProvider {
  let provider: Promise<BillingProvider | undefined> | undefined;
  const get = async () => {
    provider ??= load().catch((error) => {
      provider = undefined;
      throw error;
    });
    const loaded = await provider;
    if (!loaded) throw new BillingProviderUnavailableError('no billing provider is configured');
    return loaded;
  };
  return {
    createBoleto: async (request) => (await get()).createBoleto(request),
    getBoleto: async (providerId) => (await get()).getBoleto(providerId),
    findBoletoByCommandKey: async (key, hints) => (await get()).findBoletoByCommandKey(key, hints),
    listBoletos: async (filters, page) => (await get()).listBoletos(filters, page),
    cancelBoleto: async (providerId) => (await get()).cancelBoleto(providerId),
  };
}

/** Stands in for the provider when a function has no Paytime access: every call is "unavailable". */
export const noBillingProvider: BillingProvider = lazyBillingProvider(async () => undefined);
