import { WhatsAppCloudApiSender } from '#adapters/whatsapp/whatsapp-cloud-api-sender';
import {
  type RunningWhatsAppSimulator,
  startWhatsAppSimulator,
  type WhatsAppSimulatorOptions,
} from '#simulators/whatsapp/start-whatsapp-simulator';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';

export const APP_SECRET = 'simulator-app-secret';
export const ACCESS_TOKEN = 'simulator-access-token';
export const PHONE_NUMBER_ID = '109876543210987';

export interface SimulatorFixture {
  simulator: RunningWhatsAppSimulator;
  receiver: WebhookReceiver;
  sender: WhatsAppCloudApiSender;
  stop(): Promise<void>;
}

/** A simulator wired to a local webhook receiver, and the production adapter pointed at the simulator. */
export async function startSimulatorFixture(
  options: Partial<WhatsAppSimulatorOptions> = {},
  senderTimeoutMs = 2_000,
): Promise<SimulatorFixture> {
  const receiver = await startWebhookReceiver();
  const simulator = await startWhatsAppSimulator({
    appSecret: APP_SECRET,
    phoneNumberId: PHONE_NUMBER_ID,
    displayPhoneNumber: '551140028922',
    accessToken: ACCESS_TOKEN,
    webhookUrl: receiver.url,
    ...options,
  });
  const sender = new WhatsAppCloudApiSender({
    baseUrl: simulator.url,
    apiVersion: 'v23.0',
    phoneNumberId: PHONE_NUMBER_ID,
    accessToken: ACCESS_TOKEN,
    timeoutMs: senderTimeoutMs,
  });
  return {
    simulator,
    receiver,
    sender,
    stop: async () => {
      await simulator.stop();
      await receiver.stop();
    },
  };
}
