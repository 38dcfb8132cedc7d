import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAiCollectionEmailWriter } from '#adapters/openai/openai-collection-email-writer';
import {
  defaultCollectionTemplates,
  writeCollectionEmail,
} from '#application/collections/queue-collection-emails';
import { calendarDate } from '#domain/calendar-date';
import type { CollectionFacts } from '#domain/collections/collection-email';
import { type FakeOpenAiServer, json, startFakeOpenAiServer } from './fake-openai-server';

const facts: CollectionFacts = {
  tenantName: 'Oficina Demo Ltda',
  accountName: 'Padaria Souza',
  contactName: 'Ana',
  asOf: calendarDate('2026-12-07'),
  degree: 2,
  invoices: [
    { number: 'NF-1', dueDate: calendarDate('2026-10-12'), outstandingCents: 25_838 },
    { number: 'NF-2', dueDate: calendarDate('2026-11-18'), outstandingCents: 17_919 },
  ],
};

const grounded = {
  subject: 'Faturas em aberto: R$ 437,57',
  text: 'Olá, Ana.\n\nNa posição de 07/12/2026 constam:\nFatura NF-1 – 12/10/2026 – 56 dias em atraso – R$ 258,38\nFatura NF-2 – 18/11/2026 – 19 dias em atraso – R$ 179,19\n\nOficina Demo Ltda',
};

let server: FakeOpenAiServer;
const warnings: string[] = [];
const logger = { info: () => undefined, warn: (message: string) => void warnings.push(message) };

beforeAll(async () => {
  server = await startFakeOpenAiServer();
});
afterAll(async () => server.close());

function writer() {
  return new OpenAiCollectionEmailWriter({
    apiKey: 'sk-test-not-a-real-key',
    baseURL: server.baseURL,
    model: 'gpt-4o-mini',
    timeoutMs: 2_000,
    maxRetries: 0,
  });
}

describe('OpenAiCollectionEmailWriter against a local Chat Completions server', () => {
  it('asks for strict structured output with the facts pre-formatted, and builds the HTML from the text', async () => {
    server.script(json(grounded));
    const email = await writer().write({
      facts,
      template: await defaultCollectionTemplates.active('t', 2),
    });
    expect(email.subject).toBe(grounded.subject);
    expect(email.html).toContain('<p>Olá, Ana.</p>');
    const body = server.requests.at(-1)?.body as {
      response_format: { json_schema: { strict: boolean; schema: { required: string[] } } };
      messages: Array<{ role: string; content: string }>;
    };
    expect(body.response_format.json_schema.strict).toBe(true);
    expect(body.response_format.json_schema.schema.required).toEqual(['subject', 'text']);
    const user = JSON.parse(body.messages[1]?.content ?? '{}');
    expect(user.FACTS.totalOutstanding).toBe('R$ 437,57');
    expect(user.FACTS.invoices[0]).toEqual({
      number: 'NF-1',
      dueDate: '12/10/2026',
      daysOverdue: '56 dias em atraso',
      outstanding: 'R$ 258,38',
    });
  });

  it('is used when grounded; an invented amount, a refusal or an HTTP error fall back to the template', async () => {
    const deps = { templates: defaultCollectionTemplates, writer: writer(), logger };
    server.script(json(grounded));
    expect((await writeCollectionEmail(deps, 't', facts)).modelWritten).toBe(true);
    for (const reply of [
      json({ ...grounded, text: `${grounded.text}\nJuros: R$ 12,00` }),
      { kind: 'refusal' as const, refusal: 'no' },
      { kind: 'status' as const, status: 500 },
    ]) {
      server.script(reply);
      const written = await writeCollectionEmail(deps, 't', facts);
      expect(written.modelWritten).toBe(false);
      expect(written.content.subject).toBe('Faturas vencidas: R$ 437,57 em aberto');
    }
    expect(warnings).toEqual([
      'model-written collection e-mail not grounded; using the template',
      'collection e-mail writer failed; using the template',
      'collection e-mail writer failed; using the template',
    ]);
  });
});
