import { Metrics } from '@aws-lambda-powertools/metrics';
import { WhatsAppCloudApiSender } from '#adapters/whatsapp/whatsapp-cloud-api-sender';
import { composeChannelDelivery } from '#config/channel-delivery-composition';
import { loadWhatsAppAccessToken, loadWhatsAppDeliveryConfig } from '#config/outbox-config';
import { processEnv } from '#config/process-env';
import { createLogger } from '#logging/create-logger';
import type { WhatsAppDeliveryDeps } from './create-handler';

/** Built once per container, at cold start (metrics' namespace and service from the stack's POWERTOOLS_*). */
const config = loadWhatsAppDeliveryConfig(processEnv());
const accessToken = await loadWhatsAppAccessToken(processEnv());

export const logger = createLogger('whatsapp-delivery');
export const metrics = new Metrics();

export const deps: WhatsAppDeliveryDeps = {
  ...composeChannelDelivery(config, logger, metrics),
  sender: new WhatsAppCloudApiSender({
    phoneNumberId: config.phoneNumberId,
    accessToken,
    ...(config.apiBaseUrl ? { baseUrl: config.apiBaseUrl } : {}),
    ...(config.apiVersion ? { apiVersion: config.apiVersion } : {}),
  }),
  dispatch: config.dispatch,
};
