import { createSesClient } from '#adapters/ses/create-ses-client';
import { SesEmailSender } from '#adapters/ses/ses-email-sender';
import { composeChannelDelivery } from '#config/compose-channel-delivery';
import { loadEmailDeliveryConfig, processEnv } from '#config/outbox-config';
import type { EmailDeliveryDeps } from './create-handler';

/** Built once per container, at cold start. */
const config = loadEmailDeliveryConfig(processEnv());
const { logger, metrics, common } = composeChannelDelivery(config, 'email-delivery');

export { logger, metrics };

export const deps: EmailDeliveryDeps = {
  ...common,
  sender: new SesEmailSender(
    { configurationSetName: config.configurationSetName },
    createSesClient(config.sesEndpoint ? { endpoint: config.sesEndpoint } : {}),
  ),
  email: {
    fromAddress: config.fromAddress,
    ...(config.replyToAddresses.length ? { replyToAddresses: config.replyToAddresses } : {}),
  },
};
