import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAiTranscriber } from '#adapters/transcription/openai-transcriber';
import { TranscriptionFailedError } from '#application/ports/transcriber';

/** A loopback stand-in for OpenAI's `POST /v1/audio/transcriptions`; the real `openai` client talks to it. */
describe('OpenAiTranscriber', () => {
  let server: Server;
  let baseURL: string;
  let nextAnswer: (
    request: IncomingMessage,
    body: string,
  ) => { status: number; body: string; delayMs?: number };
  const received: string[] = [];

  beforeAll(async () => {
    server = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks).toString('latin1');
      received.push(`${request.method} ${request.url}`);
      const answer = nextAnswer(request, body);
      setTimeout(() => {
        response.writeHead(answer.status, { 'content-type': 'application/json' });
        response.end(answer.body);
      }, answer.delayMs ?? 0);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const media = {
    downloadMedia: async (mediaId: string) => {
      if (mediaId !== 'media-1') throw new Error('unknown media');
      return { bytes: Buffer.from('OggS fake voice note'), mimeType: 'audio/ogg' };
    },
  };
  const transcriber = () => new OpenAiTranscriber({ apiKey: 'test-key', baseURL, media, timeoutMs: 500 });

  it('sends the downloaded voice note as a Portuguese transcription request and returns the text', async () => {
    let multipart = '';
    nextAnswer = (_request, body) => {
      multipart = body;
      return { status: 200, body: JSON.stringify({ text: ' cobra 150 reais do João dia 10 ' }) };
    };
    const text = await transcriber().transcribe({ mediaId: 'media-1', mimeType: 'audio/ogg' });
    expect(text).toBe('cobra 150 reais do João dia 10');
    expect(received.at(-1)).toBe('POST /v1/audio/transcriptions');
    expect(multipart).toContain('name="language"');
    expect(multipart).toContain('OggS fake voice note');
  });

  it('turns an empty transcription, a server error, a timeout or a missing file into TranscriptionFailedError', async () => {
    nextAnswer = () => ({ status: 200, body: JSON.stringify({ text: '   ' }) });
    await expect(transcriber().transcribe({ mediaId: 'media-1' })).rejects.toBeInstanceOf(
      TranscriptionFailedError,
    );
    nextAnswer = () => ({ status: 500, body: JSON.stringify({ error: { message: 'boom' } }) });
    await expect(transcriber().transcribe({ mediaId: 'media-1' })).rejects.toBeInstanceOf(
      TranscriptionFailedError,
    );
    nextAnswer = () => ({ status: 200, body: JSON.stringify({ text: 'tarde demais' }), delayMs: 2_000 });
    await expect(transcriber().transcribe({ mediaId: 'media-1' })).rejects.toBeInstanceOf(
      TranscriptionFailedError,
    );
    await expect(transcriber().transcribe({ mediaId: 'other' })).rejects.toBeInstanceOf(
      TranscriptionFailedError,
    );
  });
});
