import type { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ProviderEventStore } from '#application/payments/provider-event-store';
import { receiveProviderEvent } from '#application/payments/receive-provider-event';
import type { Clock } from '#application/ports/clock';
import type { BasicCredential } from '#config/paytime-webhook-config';
import { httpErrors, jsonResponse } from '#functions/http/http-responses';
import { businessMetrics } from '#logging/business-metrics';
import { IRIS_METRICS } from '#logging/metric-names';
import { basicAuthMatches, headerOf } from './basic-auth';
import {
  BILLET_STATUS_EVENT,
  billetStatusDataSchema,
  ignoredEventKind,
  paytimeEnvelopeSchema,
} from './paytime-webhook.schema';

export interface PaytimeWebhookDependencies {
  tenantId: string;
  events: ProviderEventStore;
  clock: Clock;
  providerName: string;
  credentials(): Promise<BasicCredential[]>;
  maxBodyBytes: number;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
}

const metrics = businessMetrics('paytime-webhook');

const UNAUTHORIZED: APIGatewayProxyStructuredResultV2 = {
  ...httpErrors.unauthorized('Missing or invalid Basic credentials.'),
  headers: { 'content-type': 'application/json', 'www-authenticate': 'Basic realm="paytime-webhook"' },
};

/**
 * Paytime's webhook (POST, HTTP Basic): check the credentials in constant time, read the billet id and the
 * claimed status, store the event once (a conditional put) and answer 200. No provider call, no boleto
 * write here: Paytime waits one second, and the stored event reaches the processor through the table's
 * stream. Wrong or missing credentials: 401 and nothing written. A body that is not JSON or has no `event`:
 * 400. Any other event (establishments, gateways, a billet event without a readable billet): 200, logged
 * and counted as ignored, nothing written. A storage failure: 500, so Paytime tries again (and the daily
 * reconciliation is the backstop).
 */
export function createPaytimeWebhookHandler(deps: PaytimeWebhookDependencies) {
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const method = event.requestContext?.http?.method ?? 'POST';
    if (method !== 'POST') return { ...httpErrors.methodNotAllowed(), headers: { allow: 'POST' } };
    let accepted: BasicCredential[];
    try {
      accepted = await deps.credentials();
    } catch (error) {
      deps.logger.error('webhook credentials are not available', { error });
      return httpErrors.internal();
    }
    if (!basicAuthMatches(headerOf(event.headers, 'authorization'), accepted)) {
      deps.logger.warn('paytime webhook rejected: bad Basic credentials', {
        hasAuthorization: headerOf(event.headers, 'authorization') !== undefined,
      });
      metrics.count(IRIS_METRICS.webhookSignatureRejected);
      return UNAUTHORIZED;
    }
    const raw = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
    if (raw.length > deps.maxBodyBytes) return httpErrors.tooLarge(deps.maxBodyBytes);
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      return httpErrors.badRequest('The body is not JSON.');
    }
    const parsed = paytimeEnvelopeSchema.safeParse(json);
    if (!parsed.success) return httpErrors.badRequest('The body is not a Paytime webhook.');
    const { event: eventType, event_date: eventDate } = parsed.data;
    metrics.count(IRIS_METRICS.webhookReceived);
    if (eventType !== BILLET_STATUS_EVENT) {
      deps.logger.info('paytime webhook ignored', { ignored: ignoredEventKind(eventType) });
      return jsonResponse(200, { received: true, ignored: true });
    }
    const billet = billetStatusDataSchema.safeParse(parsed.data.data);
    if (!billet.success) {
      // Authentic but unusable: retrying would not make it readable; the daily reconciliation is the backstop.
      deps.logger.warn('paytime webhook ignored', { ignored: 'billet:unreadable' });
      return jsonResponse(200, { received: true, ignored: true });
    }
    const data = billet.data;
    try {
      const received = await receiveProviderEvent(deps, deps.tenantId, {
        eventType,
        providerId: data._id,
        claimedStatus: data.status,
        ...(eventDate ? { eventDate } : {}),
      });
      deps.logger.info('paytime webhook stored', { ...received, billetId: data._id, claimed: data.status });
      return jsonResponse(200, { received: true, duplicate: received.outcome === 'duplicate' });
    } catch (error) {
      deps.logger.error('paytime webhook could not be stored; Paytime will retry', { error });
      return httpErrors.internal();
    }
  };
}
