import { describe, expect, it } from 'vitest';
import {
  loadEmailDeliveryConfig,
  loadOutboxRelayConfig,
  loadWhatsAppDeliveryConfig,
} from '#config/outbox-config';
import { ConfigurationError } from '#config/process-env';

const QUEUE = 'https://sqs.sa-east-1.amazonaws.com/123456789012/iris-demo-dev-whatsapp-delivery';

describe('outbox configuration', () => {
  it('reads the relay queues (endpoints are the SDK standard AWS_ENDPOINT_URL_*, not configuration)', () => {
    const config = loadOutboxRelayConfig({
      WHATSAPP_QUEUE_URL: QUEUE,
      EMAIL_QUEUE_URL: `${QUEUE}-email`,
      AWS_ENDPOINT_URL_SQS: 'http://127.0.0.1:4566',
    });
    expect(config).toEqual({ whatsAppQueueUrl: QUEUE, emailQueueUrl: `${QUEUE}-email` });
  });

  it('names every missing variable at cold start', () => {
    expect(() => loadOutboxRelayConfig({})).toThrow(ConfigurationError);
    expect(() => loadOutboxRelayConfig({})).toThrow(/WHATSAPP_QUEUE_URL[\s\S]*EMAIL_QUEUE_URL/);
  });

  it('overrides the generic WhatsApp template of a kind and rejects unknown kinds', () => {
    const env = {
      TABLE_NAME: 'iris-demo-dev',
      DELIVERY_QUEUE_URL: QUEUE,
      WHATSAPP_PHONE_NUMBER_ID: '109876543210987',
      WHATSAPP_ACCESS_TOKEN: 'token',
    };
    const config = loadWhatsAppDeliveryConfig({ ...env, WHATSAPP_TEMPLATES: '{"reminder":"lembrete_v2"}' });
    expect(config.dispatch.genericTemplates.reminder).toEqual({ name: 'lembrete_v2', languageCode: 'pt_BR' });
    expect(config.dispatch.genericTemplates.owner_reply?.name).toBe('iris_aviso');
    expect(() => loadWhatsAppDeliveryConfig({ ...env, WHATSAPP_TEMPLATES: '{"sms":"x"}' })).toThrow(
      /unknown message kind/,
    );
  });

  it('reads the SES configuration set, sender and reply-to list', () => {
    const config = loadEmailDeliveryConfig({
      TABLE_NAME: 'iris-demo-dev',
      DELIVERY_QUEUE_URL: QUEUE,
      SES_CONFIGURATION_SET: 'iris-demo-dev',
      EMAIL_FROM_ADDRESS: 'cobranca@empresa.test',
      EMAIL_REPLY_TO: 'financeiro@empresa.test, dono@empresa.test',
    });
    expect(config.replyToAddresses).toEqual(['financeiro@empresa.test', 'dono@empresa.test']);
    expect(config.configurationSetName).toBe('iris-demo-dev');
  });
});
