import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback server that speaks just enough of OpenAI's Chat Completions endpoint for the real `openai` client:
 * each request is answered by the next scripted reply (or the last one, repeated), and every request body is
 * kept for assertions.
 */

export type FakeReply =
  | { kind: 'content'; content: string; delayMs?: number; finishReason?: string }
  | { kind: 'refusal'; refusal: string }
  | { kind: 'status'; status: number; body?: unknown };

export interface FakeOpenAiServer {
  baseURL: string;
  requests: Array<{ path: string; body: Record<string, unknown> }>;
  script(...replies: FakeReply[]): void;
  close(): Promise<void>;
}

export const json = (value: unknown): FakeReply => ({ kind: 'content', content: JSON.stringify(value) });

function completion(message: Record<string, unknown>, finishReason: string) {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 1_790_000_000,
    model: 'gpt-4o-mini',
    choices: [
      { index: 0, message: { role: 'assistant', ...message }, finish_reason: finishReason, logprobs: null },
    ],
    usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, status: number, body: unknown): void {
  if (response.destroyed) return;
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

export async function startFakeOpenAiServer(): Promise<FakeOpenAiServer> {
  let replies: FakeReply[] = [];
  const requests: FakeOpenAiServer['requests'] = [];
  const timers = new Set<NodeJS.Timeout>();

  const server: Server = createServer(async (request, response) => {
    const raw = await readBody(request);
    requests.push({ path: request.url ?? '', body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {} });
    if (request.method !== 'POST' || request.url !== '/v1/chat/completions') {
      send(response, 404, { error: { message: 'not found', type: 'invalid_request_error' } });
      return;
    }
    const reply = replies.length > 1 ? (replies.shift() as FakeReply) : replies[0];
    if (!reply) {
      send(response, 500, { error: { message: 'no scripted reply', type: 'server_error' } });
      return;
    }
    if (reply.kind === 'status') {
      send(
        response,
        reply.status,
        reply.body ?? { error: { message: 'scripted failure', type: 'server_error' } },
      );
      return;
    }
    if (reply.kind === 'refusal') {
      send(response, 200, completion({ content: null, refusal: reply.refusal }, 'stop'));
      return;
    }
    const answer = () =>
      send(
        response,
        200,
        completion({ content: reply.content, refusal: null }, reply.finishReason ?? 'stop'),
      );
    if (!reply.delayMs) {
      answer();
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      answer();
    }, reply.delayMs);
    timers.add(timer);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...next) => {
      replies = next;
      requests.length = 0;
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The adapters' logger, keeping the warnings (why the model's answer was not used) for assertions. */
export class RecordingLogger {
  readonly warnings: Array<{ message: string; extra: Record<string, unknown> }> = [];
  info(): void {}
  error(): void {}
  warn(message: string, ...extra: object[]): void {
    this.warnings.push({ message, extra: Object.assign({}, ...extra) });
  }
}
