import type { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Clock } from '#application/ports/clock';
import type { WebhookDeliveryStore } from '#application/ports/webhook-delivery-store';
import { storeWhatsAppDelivery } from '#application/webhooks/store-whatsapp-delivery';
import { httpErrors, jsonResponse, textResponse } from '#functions/http/http-responses';
import { businessMetrics } from '#logging/business-metrics';
import { IRIS_METRICS } from '#logging/metric-names';
import { InvalidWebhookPayloadError } from '#webhooks/whatsapp/inbound-event';
import { parseWhatsAppWebhook } from '#webhooks/whatsapp/parse-webhook';
import { rawBodyOf, signatureHeaderOf, verifyMetaSignature } from '#webhooks/whatsapp/signature';
import { answerSubscriptionHandshake } from '#webhooks/whatsapp/subscription-handshake';

const metrics = businessMetrics('whatsapp-webhook');

export interface WhatsAppWebhookDependencies {
  store: { deliveries: WebhookDeliveryStore; clock: Clock };
  logger: Logger;
  secrets(): Promise<{ appSecrets: string[]; verifyToken: string }>;
  maxBodyBytes: number;
}

/**
 * GET: Meta's subscription handshake. POST: verify the signature on the exact raw bytes, check that they parse
 * as a WhatsApp webhook, store them with one conditional write, answer 200. Nothing else happens before the
 * answer: `inbound-router` takes the stored delivery from the table's stream. Nothing is written for a request
 * that fails verification or parsing; a retry of the same bytes is answered 200 and changes nothing.
 */
export function createWhatsAppWebhookHandler(deps: WhatsAppWebhookDependencies) {
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    // API Gateway's request id is the correlation id of everything this delivery causes in the logs.
    deps.logger.setCorrelationId(event.requestContext?.requestId);
    const method = event.requestContext?.http?.method ?? 'POST';
    const secrets = await deps.secrets();
    if (method === 'GET') {
      const result = answerSubscriptionHandshake(event.queryStringParameters, secrets.verifyToken);
      return result.ok
        ? textResponse(200, result.challenge)
        : httpErrors.forbidden('Verification token mismatch.');
    }
    if (method !== 'POST') return httpErrors.methodNotAllowed();

    const raw = rawBodyOf(event);
    if (raw.length > deps.maxBodyBytes) return httpErrors.tooLarge(deps.maxBodyBytes);
    const signature = signatureHeaderOf(event.headers);
    if (!verifyMetaSignature(raw, signature, secrets.appSecrets)) {
      deps.logger.warn('webhook signature rejected', { hasSignature: signature !== undefined });
      metrics.count(IRIS_METRICS.webhookSignatureRejected);
      return httpErrors.unauthorized('Missing or invalid X-Hub-Signature-256.');
    }
    let events: ReturnType<typeof parseWhatsAppWebhook>;
    try {
      // Parsed only to refuse what is not a WhatsApp webhook (400); the router parses the stored body again.
      events = parseWhatsAppWebhook(raw);
    } catch (error) {
      if (error instanceof InvalidWebhookPayloadError) {
        deps.logger.warn('webhook payload rejected', { issues: error.issues });
        return httpErrors.badRequest('The payload is not a WhatsApp Cloud API webhook.');
      }
      throw error;
    }
    metrics.count(IRIS_METRICS.webhookReceived);
    try {
      const stored = await storeWhatsAppDelivery(deps.store, raw);
      deps.logger.info('webhook stored', { ...stored, items: events.length });
      return jsonResponse(200, { ok: true });
    } catch (error) {
      deps.logger.error('webhook could not be stored; Meta will retry', { error });
      return httpErrors.internal();
    }
  };
}
