import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OpenAiReceiptVision } from '#adapters/openai/openai-receipt-vision';
import type { CalendarDate } from '#domain/calendar-date';
import { type FakeOpenAiServer, json, RecordingLogger, startFakeOpenAiServer } from './fake-openai-server';

const today = '2026-12-05' as CalendarDate;
const photo = { bytes: Buffer.from('fake png bytes'), mimeType: 'image/png', today };

let server: FakeOpenAiServer;
let logger: RecordingLogger;
const vision = () =>
  new OpenAiReceiptVision({
    apiKey: 'sk-test-not-a-real-key',
    baseURL: server.baseURL,
    model: 'gpt-4o-mini',
    timeoutMs: 2_000,
    maxRetries: 0,
    logger,
  });

beforeAll(async () => {
  server = await startFakeOpenAiServer();
});
afterAll(() => server.close());
beforeEach(() => {
  logger = new RecordingLogger();
});

const answer = {
  totalCents: 8740,
  date: '2026-12-03',
  merchant: 'Mercadinho São Jorge',
  cnpj: '11.222.333/0001-81',
  paymentMethod: 'cartão de débito',
};

/** The receipt vision adapter through the real `openai` client against a local Chat Completions server. */
describe('OpenAiReceiptVision', () => {
  it('sends the photo as a data URL with a strict schema, and returns the proposed fields', async () => {
    server.script(json(answer));
    expect(await vision().propose(photo)).toEqual(answer);
    const body = server.requests[0]?.body as {
      model: string;
      messages: Array<{ role: string; content: unknown }>;
      response_format: { type: string; json_schema: { name: string; strict: boolean; schema: object } };
    };
    const user = body.messages.find((message) => message.role === 'user')?.content as Array<{
      type: string;
      image_url?: { url: string };
      text?: string;
    }>;
    expect(user.find((part) => part.type === 'image_url')?.image_url?.url).toBe(
      `data:image/png;base64,${Buffer.from('fake png bytes').toString('base64')}`,
    );
    expect(user.find((part) => part.type === 'text')?.text).toBe('{"today":"2026-12-05"}');
    expect(body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'receipt', strict: true },
    });
    expect(body.response_format.json_schema.schema).toMatchObject({
      additionalProperties: false,
      required: ['totalCents', 'date', 'merchant', 'cnpj', 'paymentMethod'],
    });
    expect(logger.warnings).toEqual([]);
  });

  it.each([
    ['an HTTP error', { kind: 'status', status: 500 } as const, 'http_error'],
    ['a refusal', { kind: 'refusal', refusal: 'no' } as const, 'refusal'],
    ['an answer that is not JSON', { kind: 'content', content: 'R$ 87,40' } as const, 'invalid_json'],
    ['an answer outside the schema', json({ ...answer, totalCents: '87,40' }), 'schema_mismatch'],
    ['a cut-off answer', { kind: 'content', content: '{}', finishReason: 'length' } as const, 'incomplete'],
  ])('gives null on %s, and logs why (never the receipt)', async (_, reply, reason) => {
    server.script(reply);
    expect(await vision().propose(photo)).toBeNull();
    expect(logger.warnings).toHaveLength(1);
    expect(logger.warnings[0]?.extra).toMatchObject({ fallback: 'ocr', reason });
    expect(JSON.stringify(logger.warnings)).not.toContain('Mercadinho');
  });

  it('gives null on a timeout', async () => {
    server.script({ kind: 'content', content: JSON.stringify(answer), delayMs: 1_500 });
    const slow = new OpenAiReceiptVision({
      apiKey: 'sk-test-not-a-real-key',
      baseURL: server.baseURL,
      model: 'gpt-4o-mini',
      timeoutMs: 300,
      maxRetries: 0,
      logger,
    });
    expect(await slow.propose(photo)).toBeNull();
    expect(logger.warnings[0]?.extra).toMatchObject({ reason: 'timeout' });
  });

  it('does not send a PDF (its text layer is read exactly by the rules)', async () => {
    server.script(json(answer));
    expect(await vision().propose({ ...photo, mimeType: 'application/pdf' })).toBeNull();
    expect(server.requests).toHaveLength(0);
  });
});
