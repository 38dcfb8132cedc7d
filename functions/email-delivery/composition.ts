import { Metrics } from '@aws-lambda-powertools/metrics';
import { createSesClient } from '#adapters/ses/create-ses-client';
import { SesEmailSender } from '#adapters/ses/ses-email-sender';
import { composeChannelDelivery } from '#config/channel-delivery-composition';
import { composeObjectStore, loadObjectStoreConfig } from '#config/object-store-config';
import { loadEmailDeliveryConfig } from '#config/outbox-config';
import { processEnv } from '#config/process-env';
import { createLogger } from '#logging/create-logger';
import type { EmailDeliveryDeps } from './create-handler';

/** Built once per container, at cold start (metrics' namespace and service from the stack's POWERTOOLS_*). */
const config = loadEmailDeliveryConfig(processEnv());
const files = composeObjectStore(loadObjectStoreConfig(processEnv()));

export const logger = createLogger('email-delivery');
export const metrics = new Metrics();

export const deps: EmailDeliveryDeps = {
  ...composeChannelDelivery(config, logger, metrics),
  sender: new SesEmailSender({ configurationSetName: config.configurationSetName }, createSesClient()),
  files,
  email: {
    fromAddress: config.fromAddress,
    ...(config.replyToAddresses.length ? { replyToAddresses: config.replyToAddresses } : {}),
  },
};
