import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';
import {
  apiCaller,
  type DemoRole,
  partitionsSnapshot,
  signInAll,
  tableClient,
} from '#test/support/tenant-api-session';

/**
 * The collection e-mail template routes on the local cloud (local JWT authorizer in front of the real
 * `tenant-api` handler, DynamoDB Local): an owner's PUT writes the next version, the only active one; text the
 * template rules refuse is a 400 with nothing written; an Idempotency-Key replays the first answer.
 */
describe('collection e-mail templates over the tenant API', () => {
  let cloud: LocalCloud;
  let tokens: Record<DemoRole, string>;
  let call: ReturnType<typeof apiCaller>;
  const templates = () => partitionsSnapshot(tableClient(cloud), cloud.tableName, ['T#demo#EMAIL_TEMPLATES']);
  /** PUT of one degree's template (the owner's, unless another token is given). */
  const put = (degree: string, body: unknown, options: { token?: string; idempotencyKey?: string } = {}) =>
    call(`/v1/collection-templates/${degree}`, {
      method: 'PUT',
      token: options.token ?? tokens.owner,
      body,
      ...(options.idempotencyKey && { idempotencyKey: options.idempotencyKey }),
    });
  const edit = {
    subject: 'Lembrete: {{nome_conta}}',
    text: 'Oi, {{nome_contato}}.\n\n{{faturas}}\n\nObrigado!',
  };

  beforeAll(async () => {
    cloud = await startLocalCloud({ port: 0 });
    tokens = await signInAll(cloud);
    call = apiCaller(cloud);
  }, 120_000);
  afterAll(async () => {
    await cloud?.stop();
  });

  it('lists each degree’s active version (the built-in one before any edit)', async () => {
    const response = await call('/v1/collection-templates', { token: tokens.viewer });
    expect(response.status).toBe(200);
    const data = response.body.data as Array<{ active: Record<string, unknown>; versions: number }>;
    expect(data.map((entry) => [entry.active.degree, entry.active.version, entry.versions])).toEqual([
      [1, 1, 1],
      [2, 1, 1],
      [3, 1, 1],
      [4, 1, 1],
    ]);
    expect(data[3]?.active).toMatchObject({
      degreeName: 'aviso final antes de medidas legais',
      active: true,
    });
  });

  it('refuses text the template rules refuse, and an unknown degree, writing nothing', async () => {
    const before = await templates();
    for (const [degree, body, detail] of [
      ['2', { subject: 'Oi', text: 'sem a lista' }, /\{\{faturas\}\}/],
      ['2', { subject: '{{apelido}}', text: '{{faturas}}' }, /unknown placeholder/],
      ['2', { subject: ' ', text: '{{faturas}}' }, /subject/],
      ['5', edit, /degree/],
    ] as const) {
      const response = await put(degree, body);
      expect(response.status, response.text).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(JSON.stringify(response.body)).toMatch(detail);
    }
    expect(await templates()).toBe(before);
  });

  it('writes the next version, the only active one; a replayed key answers the same and writes once', async () => {
    const first = await put('2', edit, { idempotencyKey: 'template-edit-1' });
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ degree: 2, version: 2, active: true, ...edit });
    const written = await templates();
    const replay = await put('2', edit, { idempotencyKey: 'template-edit-1' });
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect(await templates()).toBe(written);
    const reused = await put(
      '2',
      { ...edit, subject: 'Outro assunto {{nome_conta}}' },
      { idempotencyKey: 'template-edit-1' },
    );
    expect(reused.status).toBe(422);

    const versions = await call('/v1/collection-templates/2', { token: tokens.operator });
    const data = versions.body.data as Array<{ version: number; active: boolean }>;
    expect(data.map((version) => [version.version, version.active])).toEqual([
      [1, false],
      [2, true],
    ]);
    const list = await call('/v1/collection-templates', { token: tokens.owner });
    const degree2 = (list.body.data as Array<{ active: { version: number }; versions: number }>)[1];
    expect(degree2).toMatchObject({ active: { version: 2 }, versions: 2 });
  });

  it('only the owner edits: an operator is refused and nothing is written', async () => {
    const before = await templates();
    const response = await put('1', edit, { token: tokens.operator });
    expect(response.status).toBe(403);
    expect(await templates()).toBe(before);
  });
});
