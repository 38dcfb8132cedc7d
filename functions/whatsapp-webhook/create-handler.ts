import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import {
  type ReceiveWhatsAppDependencies,
  receiveWhatsAppEvents,
} from '../../shared/application/webhooks/receive-whatsapp-events';
import { businessMetrics } from '../../shared/logging/business-metrics';
import { IRIS_METRICS } from '../../shared/logging/metric-names';
import { InvalidWebhookPayloadError } from '../../shared/webhooks/whatsapp/inbound-event';
import { parseWhatsAppWebhook } from '../../shared/webhooks/whatsapp/parse-webhook';
import { rawBodyOf, signatureHeaderOf, verifyMetaSignature } from '../../shared/webhooks/whatsapp/signature';
import { answerSubscriptionHandshake } from '../../shared/webhooks/whatsapp/subscription-handshake';
import { httpErrors, jsonResponse, textResponse } from '../http/http-responses';

const metrics = businessMetrics('whatsapp-webhook');

export interface WhatsAppWebhookDependencies {
  receive: ReceiveWhatsAppDependencies;
  logger: Logger;
  secrets(): Promise<{ appSecrets: string[]; verifyToken: string }>;
  maxBodyBytes: number;
}

/**
 * GET: Meta's subscription handshake. POST: verify the signature on the exact raw bytes, parse, store and
 * hand on each message, then answer 200. Nothing is written for a request that fails verification or parsing.
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
      const summary = await receiveWhatsAppEvents(deps.receive, events);
      deps.logger.info('webhook handled', { summary });
      return jsonResponse(200, { ok: true });
    } catch (error) {
      deps.logger.error('webhook handling failed; Meta will retry', { error });
      return httpErrors.internal();
    }
  };
}

export function wrapWhatsAppWebhookHandler(deps: WhatsAppWebhookDependencies) {
  return middy(createWhatsAppWebhookHandler(deps)).use(injectLambdaContext(deps.logger, { resetKeys: true }));
}
