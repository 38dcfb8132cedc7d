import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { maskPersonalDataReplacer } from '#logging/mask-personal-data';

/**
 * Real Powertools lines captured from `npm run demo` and a run with Paytime and WhatsApp faults on the local
 * cloud (functions at DEBUG, POWERTOOLS_LOGGER_LOG_EVENT on, the masker switched off for the capture). The
 * people in them are the demo tenant's fakes and an unknown sender with a fake CPF and e-mail.
 */
const LINES = readFileSync('test/fixtures/local-cloud-log-lines.jsonl', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Record<string, unknown>);

const PERSONAL_DATA = [
  '+5511999990001',
  '5511999990001',
  '+5511988880003',
  '5511988880003',
  '11988880003',
  '+5511977776666',
  '5511977776666',
  '93541134780',
  '111.444.777-35',
  'pedro.alvares@example.com',
  'ana.paula@example.com',
  'Pedro Álvares',
  'Ana Demo',
];

/** Keys whose values are identifiers or technical fields: the masker must leave them byte for byte. */
const UNTOUCHED_KEYS =
  /^(?:outboxId|messageId|correlation_id|boletoId|eventId|eventID|requestId|function_request_id|tenantId|providerId|billetId|function_arn|SequenceNumber|md5OfBody|x-hub-signature-256|eventSourceARN|accountId|level|message|service)$/;

function collect(value: unknown, into: Array<[string, string]>, key = ''): Array<[string, string]> {
  if (typeof value === 'string') into.push([key, value]);
  else if (Array.isArray(value)) for (const item of value) collect(item, into, key);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) collect(v, into, k);
  return into;
}

const masked = LINES.map((line) => JSON.parse(JSON.stringify(line, maskPersonalDataReplacer)));

describe('the log masker on lines captured from the local cloud', () => {
  it('has a fixture with personal data in clear to mask', () => {
    const raw = LINES.map((line) => JSON.stringify(line)).join('\n');
    expect(LINES.length).toBeGreaterThan(150);
    for (const value of ['+5511999990001', '93541134780', 'pedro.alvares@example.com'])
      expect(raw).toContain(value);
  });

  it('leaves no phone, CPF, e-mail or name in clear', () => {
    const out = masked.map((line) => JSON.stringify(line)).join('\n');
    for (const value of PERSONAL_DATA) expect(out, value).not.toContain(value);
  });

  it('keeps every id and technical field exactly as it was', () => {
    let checked = 0;
    LINES.forEach((line, index) => {
      const before = collect(line, []).filter(([key]) => UNTOUCHED_KEYS.test(key));
      const after = collect(masked[index], []).filter(([key]) => UNTOUCHED_KEYS.test(key));
      expect(after).toEqual(before);
      checked += before.length;
    });
    expect(checked).toBeGreaterThan(1000);
  });

  it('changes nothing in a line that holds no personal data', () => {
    const clean = LINES.filter(
      (line) => line.message === 'outbox item relayed' || line.message === 'reconciliation finished',
    );
    expect(clean.length).toBeGreaterThan(3);
    for (const line of clean)
      expect(JSON.parse(JSON.stringify(line, maskPersonalDataReplacer))).toEqual(line);
  });
});
