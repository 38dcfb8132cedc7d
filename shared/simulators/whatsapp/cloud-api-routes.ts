import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readJson, sendBytes, sendJson } from '#simulators/http-io';
import { graphError } from './meta-errors';
import type { WhatsAppSimulatorEngine } from './simulator-engine';

/**
 * The Cloud API surface: `POST /{version}/{phone-number-id}/messages`, `GET /{version}/{media-id}` and the
 * media download URL it hands out. Returns false when the path is not one of these.
 */

const MESSAGES_PATH = /^\/v\d+\.\d+\/([^/]+)\/messages$/;
const MEDIA_INFO_PATH = /^\/v\d+\.\d+\/(\d+)$/;
const MEDIA_BYTES_PATH = /^\/_sim\/whatsapp\/media\/(\d+)$/;

export async function handleCloudApi(
  engine: WhatsAppSimulatorEngine,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  hangs: { hold(response: ServerResponse, hangMs?: number): void },
): Promise<boolean> {
  const messages = MESSAGES_PATH.exec(url.pathname);
  const mediaInfo = MEDIA_INFO_PATH.exec(url.pathname);
  const mediaBytes = MEDIA_BYTES_PATH.exec(url.pathname);
  if (!messages && !mediaInfo && !mediaBytes) return false;
  if (!authorized(engine, request)) {
    const error = graphError(190);
    sendJson(response, error.status, error.body, {
      'www-authenticate': 'OAuth "Facebook Platform" "invalid_token"',
    });
    return true;
  }
  if (messages?.[1] && request.method === 'POST') {
    const outcome = engine.handleSend(messages[1], await readJson(request));
    if (outcome.kind === 'hang') hangs.hold(response, outcome.hangMs);
    else sendJson(response, outcome.status, outcome.body, outcome.headers);
    return true;
  }
  const mediaId = mediaInfo?.[1] ?? mediaBytes?.[1];
  if (mediaId && request.method === 'GET') {
    const media = engine.store.getMedia(mediaId);
    if (!media) {
      const error = graphError(100, `Media ${mediaId} does not exist`);
      sendJson(response, error.status, error.body);
    } else if (mediaInfo) {
      sendJson(response, 200, {
        messaging_product: 'whatsapp',
        url: `http://${request.headers.host}/_sim/whatsapp/media/${media.id}`,
        mime_type: media.mimeType,
        sha256: createHash('sha256').update(media.bytes).digest('hex'),
        file_size: media.bytes.length,
        id: media.id,
      });
    } else {
      sendBytes(response, 200, media.bytes, media.mimeType);
    }
    return true;
  }
  sendJson(response, 405, {
    error: { message: 'Unsupported method', type: 'GraphMethodException', code: 100 },
  });
  return true;
}

function authorized(engine: WhatsAppSimulatorEngine, request: IncomingMessage): boolean {
  const expected = engine.accessToken;
  if (!expected) return true;
  return request.headers.authorization === `Bearer ${expected}`;
}
