import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BodyTooLargeError,
  type LoopbackServer,
  readBody,
  readJson,
  sendJson,
  startLoopbackServer,
} from '#simulators/http-io';

describe('the simulators’ HTTP plumbing', () => {
  const servers: LoopbackServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  const start = async (handle: Parameters<typeof startLoopbackServer>[1]) => {
    const errors: unknown[] = [];
    const server = await startLoopbackServer(0, handle, (response, error) => {
      errors.push(error);
      sendJson(response, error instanceof BodyTooLargeError ? 413 : 500, { error: String(error) });
    });
    servers.push(server);
    return { server, errors };
  };

  it('reads the body byte for byte (what an HMAC over the raw body needs), not re-encoded', async () => {
    const { server } = await start(async (request, response) => {
      const body = await readBody(request);
      sendJson(response, 200, {
        sha256: createHash('sha256').update(body).digest('hex'),
        length: body.length,
      });
    });
    // Not valid UTF-8, and a JSON text whose spacing a parse-and-stringify would change.
    const bytes = Buffer.concat([Buffer.from('{ "a" : 1 ,"b":"ç"}  '), Buffer.from([0xff, 0xfe, 0x00])]);
    const answer = await fetch(`${server.url}/echo`, { method: 'POST', body: bytes });
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await answer.json()).toEqual({
      sha256: createHash('sha256').update(bytes).digest('hex'),
      length: bytes.length,
    });
  });

  it('tells an empty body (undefined) from one that is not JSON (null)', async () => {
    const { server } = await start(async (request, response) => {
      const json = await readJson(request);
      sendJson(response, 200, { kind: json === undefined ? 'empty' : json === null ? 'not json' : 'json' });
    });
    const kind = async (body?: string) =>
      (
        (await (await fetch(server.url, { method: 'POST', ...(body !== undefined && { body }) })).json()) as {
          kind: string;
        }
      ).kind;
    expect([await kind(), await kind('{oops'), await kind('{"ok":true}')]).toEqual([
      'empty',
      'not json',
      'json',
    ]);
  });

  it('refuses a body over the limit through onError, and never answers twice', async () => {
    const { server, errors } = await start(async (request, response) => {
      if (request.url === '/late') {
        sendJson(response, 202, { accepted: true });
        throw new Error('after the answer');
      }
      await readBody(request);
      sendJson(response, 200, {});
    });
    const tooLarge = await fetch(server.url, { method: 'POST', body: Buffer.alloc(1024 * 1024 + 1) });
    expect(tooLarge.status).toBe(413);
    const late = await fetch(`${server.url}/late`);
    expect([late.status, await late.json()]).toEqual([202, { accepted: true }]);
    expect(errors).toHaveLength(1);
  });
});
