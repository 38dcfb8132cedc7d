import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Loads an `events/whatsapp/*.json` sample (a fresh copy each call). */

export const SAMPLE_APP_SECRET = 'iris-test-app-secret';

export interface ApiGatewayEventSample {
  headers: Record<string, string>;
  body?: string;
  isBase64Encoded: boolean;
  queryStringParameters?: Record<string, string>;
}

export function loadWhatsAppEvent(name: string): ApiGatewayEventSample {
  const path = fileURLToPath(new URL(`../../../events/whatsapp/${name}.json`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as ApiGatewayEventSample;
}

export function bodyOf(name: string): string {
  const body = loadWhatsAppEvent(name).body;
  if (body === undefined) throw new Error(`${name} has no body`);
  return body;
}

/** A webhook payload carrying one inbound message with the given fields (from, id and timestamp preset). */
export function messagePayload(message: Record<string, unknown>): Record<string, unknown> {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '1',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '551140028922', phone_number_id: '109876543210987' },
              messages: [{ from: '551187654321', id: 'wamid.X', timestamp: '1796735702', ...message }],
            },
          },
        ],
      },
    ],
  };
}
