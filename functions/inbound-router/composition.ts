import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { lazyBillingProvider } from '#adapters/paytime/lazy-billing-provider';
import { PaytimeBillingProvider } from '#adapters/paytime/paytime-billing-provider';
import { StepFunctionsWorkflows } from '#adapters/step-functions/step-functions-workflows';
import { systemClock } from '#adapters/system/system-clock';
import { TimeOrderedIdGenerator } from '#adapters/system/time-ordered-id-generator';
import { payerMessageHandler } from '#application/payers/handle-payer-message';
import { settleWithProvider } from '#application/payments/settle-with-provider';
import { PAYTIME_PROVIDER_NAME, paytimeApiConfigOf } from '#config/follow-up-env';
import { loadInboundRouterConfig } from '#config/inbound-router-config';
import { processEnv } from '#config/process-env';
import { createLogger } from '#logging/create-logger';
import type { InboundRouterDependencies } from './create-handler';

/** Built once per container, at cold start. */
const config = loadInboundRouterConfig(processEnv());
const repositories = createTableRepositories(config.tableName);
const clock = systemClock;
const ids = new TimeOrderedIdGenerator(clock);

export const logger = createLogger('inbound-router');

const workflows = new StepFunctionsWorkflows({
  conversationStateMachineArn: config.conversationStateMachineArn,
  reminderLoopStateMachineArn: config.reminderStateMachineArn,
});
/**
 * A payer's "já paguei" asks Paytime with a short timeout and no retry (read on first use: the credentials are
 * a secret, and most inbound messages never need them); one that cannot be checked now is said so, and the
 * daily reconciliation checks it again.
 */
const billing = lazyBillingProvider(async () => {
  const api = await paytimeApiConfigOf(processEnv());
  return api ? new PaytimeBillingProvider({ ...api, clock, timeoutMs: 2_000, maxRetries: 0 }) : undefined;
});
const common = { ...repositories, clock, ids, logger };

export const deps: InboundRouterDependencies = {
  logger,
  receive: {
    tenants: repositories.tenants,
    route: {
      ...common,
      workflows,
      recordCustomerWindow: (tenantId, phone, at) =>
        repositories.customerWindow.recordInbound(tenantId, phone, at),
    },
    contactMessages: payerMessageHandler({
      ...common,
      threads: repositories.payerThreads,
      optOut: common,
      settle: (settle) =>
        settleWithProvider({ ...common, billing, workflows, providerName: PAYTIME_PROVIDER_NAME }, settle),
      boletoTemplateName: config.boletoTemplateName,
    }),
    statuses: common,
    identities: common,
    logger,
  },
};
