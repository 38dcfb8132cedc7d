import { WhatsAppCloudApiSender } from '#adapters/whatsapp/whatsapp-cloud-api-sender';
import { composeChannelDelivery } from '#config/compose-channel-delivery';
import { loadWhatsAppAccessToken, loadWhatsAppDeliveryConfig, processEnv } from '#config/outbox-config';
import type { WhatsAppDeliveryDeps } from './create-handler';

/** Built once per container, at cold start. */
const config = loadWhatsAppDeliveryConfig(processEnv());
const accessToken = await loadWhatsAppAccessToken(processEnv());
const { logger, metrics, common } = composeChannelDelivery(config, 'whatsapp-delivery');

export { logger, metrics };

export const deps: WhatsAppDeliveryDeps = {
  ...common,
  sender: new WhatsAppCloudApiSender({
    phoneNumberId: config.phoneNumberId,
    accessToken,
    ...(config.apiBaseUrl ? { baseUrl: config.apiBaseUrl } : {}),
    ...(config.apiVersion ? { apiVersion: config.apiVersion } : {}),
  }),
  dispatch: config.dispatch,
};
