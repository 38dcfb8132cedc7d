import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson, startLoopbackServer } from '#simulators/http-io';
import { decodeSimulatedSpeech } from './simulated-speech';

/**
 * An OpenAI-compatible audio transcription endpoint on loopback, for the local cloud and the tests:
 * `POST /v1/audio/transcriptions` (multipart/form-data with `file` and `model`, as the `openai` SDK sends it;
 * `Authorization: Bearer <key>` required) answers `{ "text": "…" }` with the words carried by simulated speech
 * (`simulated-speech.ts`), 400 for audio it cannot decode, 401 without a key. Controls:
 * `GET /_sim/openai/transcriptions` (every request: model, language, file name and type, what was answered),
 * `POST /_sim/openai/faults` `{"fail_next":{"count":1,"status":500}}`, `DELETE /_sim/openai/faults`.
 */

export interface TranscriptionRecord {
  at: string;
  model: string;
  language?: string;
  fileName?: string;
  fileType?: string;
  bytes: number;
  status: number;
  text?: string;
}

export interface OpenAiSimulatorControls {
  transcriptions(): TranscriptionRecord[];
  failNext(count: number, status?: number): void;
  clearFaults(): void;
}

export interface RunningOpenAiSimulator {
  /** `http://127.0.0.1:<port>`; the SDK's base URL is `${url}/v1`. */
  url: string;
  controls: OpenAiSimulatorControls;
  stop(): Promise<void>;
}

export async function startOpenAiSimulator(options: { port?: number } = {}): Promise<RunningOpenAiSimulator> {
  const records: TranscriptionRecord[] = [];
  const faults = { count: 0, status: 500 };
  const controls: OpenAiSimulatorControls = {
    transcriptions: () => records.map((record) => ({ ...record })),
    failNext: (count, status = 500) => {
      faults.count = count;
      faults.status = status;
    },
    clearFaults: () => {
      faults.count = 0;
    },
  };
  const server = await startLoopbackServer(
    options.port,
    (request, response, url) => route(request, response, url, records, faults, controls),
    (response, error) => sendJson(response, 500, { error: { message: String(error), type: 'server_error' } }),
  );
  return { url: server.url, controls, stop: () => server.close() };
}

async function route(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  records: TranscriptionRecord[],
  faults: { count: number; status: number },
  controls: OpenAiSimulatorControls,
): Promise<void> {
  const path = url.pathname;
  // Audio uploads: no size limit, as before.
  const body = await readBody(request, Number.POSITIVE_INFINITY);
  if (path === '/_sim/openai/transcriptions' && request.method === 'GET') {
    return sendJson(response, 200, controls.transcriptions());
  }
  if (path === '/_sim/openai/faults') {
    if (request.method === 'DELETE') {
      controls.clearFaults();
      return sendJson(response, 200, { cleared: true });
    }
    const parsed = JSON.parse(body.toString('utf8') || '{}') as {
      fail_next?: { count?: number; status?: number };
    };
    controls.failNext(parsed.fail_next?.count ?? 1, parsed.fail_next?.status ?? 500);
    return sendJson(response, 200, { fail_next: { count: faults.count, status: faults.status } });
  }
  if (path !== '/v1/audio/transcriptions' || request.method !== 'POST') {
    return sendJson(response, 404, {
      error: { message: `Unknown route ${request.method} ${path}`, type: 'invalid_request_error' },
    });
  }
  const at = new Date().toISOString();
  if (!/^Bearer \S+/.test(String(request.headers.authorization ?? ''))) {
    records.push({ at, model: '', bytes: 0, status: 401 });
    return sendJson(response, 401, { error: { message: 'Missing API key', type: 'invalid_request_error' } });
  }
  const form = await new Request('http://localhost/', {
    method: 'POST',
    headers: { 'content-type': String(request.headers['content-type'] ?? '') },
    body,
  })
    .formData()
    .catch(() => undefined);
  const file = form?.get('file');
  const model = form?.get('model');
  if (!form || !(file instanceof Blob) || typeof model !== 'string' || model.length === 0) {
    return sendJson(response, 400, {
      error: { message: "'file' and 'model' are required", type: 'invalid_request_error' },
    });
  }
  const language = form.get('language');
  const bytes = Buffer.from(await file.arrayBuffer());
  const record: TranscriptionRecord = {
    at,
    model,
    ...(typeof language === 'string' && { language }),
    ...(file instanceof File && { fileName: file.name }),
    fileType: file.type,
    bytes: bytes.length,
    status: 200,
  };
  if (faults.count > 0) {
    faults.count -= 1;
    records.push({ ...record, status: faults.status });
    return sendJson(response, faults.status, {
      error: { message: 'simulated failure', type: 'server_error' },
    });
  }
  const text = decodeSimulatedSpeech(bytes);
  if (text === undefined) {
    records.push({ ...record, status: 400 });
    return sendJson(response, 400, {
      error: { message: 'Audio file could not be decoded', type: 'invalid_request_error' },
    });
  }
  records.push({ ...record, text });
  return sendJson(response, 200, { text });
}
