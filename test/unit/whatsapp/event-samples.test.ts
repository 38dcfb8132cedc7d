import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseWhatsAppWebhook } from '#webhooks/whatsapp/parse-webhook';
import { rawBodyOf, signatureHeaderOf, verifyMetaSignature } from '#webhooks/whatsapp/signature';
import { loadWhatsAppEvent, SAMPLE_APP_SECRET } from './event-sample';

const names = readdirSync(fileURLToPath(new URL('../../../events/whatsapp/', import.meta.url)))
  .filter((file) => file.endsWith('.json') && file !== 'verification-get.json')
  .map((file) => file.replace(/\.json$/, ''));

describe('events/whatsapp samples', () => {
  it('covers the message kinds and statuses the webhook handles', () => {
    expect(names.length).toBeGreaterThanOrEqual(9);
  });

  it.each(names)('%s is signed with the sample app secret and parses', (name) => {
    const event = loadWhatsAppEvent(name);
    const raw = rawBodyOf(event);
    expect(verifyMetaSignature(raw, signatureHeaderOf(event.headers), [SAMPLE_APP_SECRET])).toBe(true);
    expect(Number(event.headers['content-length'])).toBe(raw.length);
    expect(raw.toString('utf8')).not.toMatch(/[^\x20-\x7e]/);
    expect(parseWhatsAppWebhook(raw)).toHaveLength(1);
  });
});
