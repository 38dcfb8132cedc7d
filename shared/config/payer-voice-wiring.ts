import * as z from 'zod/mini';
import type { TableRepositories } from '#adapters/dynamodb/table-repositories';
import { PaytimeBillingProvider } from '#adapters/paytime/paytime-billing-provider';
import type { ContactMessageHandler } from '#application/conversation/route-inbound-message';
import { payerMessageHandler } from '#application/payers/handle-payer-message';
import type { PaymentDependencies } from '#application/payments/payment-dependencies';
import { settleWithProvider } from '#application/payments/settle-with-provider';
import { type BillingProvider, BillingProviderUnavailableError } from '#application/ports/billing-provider';
import type { Clock } from '#application/ports/clock';
import type { IdGenerator } from '#application/ports/id-generator';
import type { Workflows } from '#application/ports/workflows';
import type { AppLogger } from '#logging/create-logger';
import { PAYTIME_PROVIDER_NAME, paytimeApiConfigOf } from './follow-up-env';

/**
 * The payer's-voice handler for the WhatsApp webhook: its dependencies from the function's repositories, plus
 * Paytime (read on first use: the credentials are a secret, and most inbound messages never need them).
 * Paytime is asked with a short timeout and no retry (the webhook function has 10 s and must answer Meta): a
 * payer's "já paguei" that cannot be checked now is said so, and the daily reconciliation checks it again.
 */

const environment = z.object({
  BOLETO_TEMPLATE_NAME: z._default(z.string().check(z.minLength(1)), 'iris_boleto_novo'),
});

export function wirePayerVoice(input: {
  env: NodeJS.ProcessEnv;
  repositories: TableRepositories;
  workflows: Pick<Workflows, 'stopReminderLoop'>;
  clock: Clock;
  ids: IdGenerator;
  logger: AppLogger;
}): ContactMessageHandler {
  const { env, repositories, clock, logger } = input;
  const config = environment.parse(env);
  const billing = lazyBillingProvider(async () => {
    const api = await paytimeApiConfigOf(env);
    return api ? new PaytimeBillingProvider({ ...api, clock, timeoutMs: 2_000, maxRetries: 0 }) : undefined;
  });
  const payments: PaymentDependencies = {
    ...repositories,
    billing,
    workflows: input.workflows,
    clock,
    logger,
    providerName: PAYTIME_PROVIDER_NAME,
  };
  const common = { ...repositories, clock, ids: input.ids };
  return payerMessageHandler({
    ...common,
    threads: repositories.payerThreads,
    logger,
    optOut: common,
    settle: (settle) => settleWithProvider(payments, settle),
    boletoTemplateName: config.BOLETO_TEMPLATE_NAME,
  });
}

/** Builds the provider on its first call; without configuration every call is "unavailable". */
function lazyBillingProvider(load: () => Promise<BillingProvider | undefined>): BillingProvider {
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
