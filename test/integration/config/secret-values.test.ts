import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MissingSecretError,
  readOptionalSecret,
  readRotatingSecret,
  readSecret,
  SecretUnavailableError,
} from '#config/secret-values';
import {
  type ParametersExtension,
  startParametersExtension,
} from '#infra/local/emulators/parameters-extension';

describe('secret values through the Parameters and Secrets extension (real HTTP on loopback)', () => {
  let extension: ParametersExtension;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    extension = await startParametersExtension({
      sessionToken: 'session-token',
      parameters: {
        '/iris/demo/dev/whatsapp/app-secret': 'current-secret',
        '/iris/demo/dev/whatsapp/app-secret-previous': 'previous-secret',
        '/iris/demo/dev/paytime/webhook-credentials': 'paytime:pw',
      },
    });
    env = {
      AWS_SESSION_TOKEN: 'session-token',
      PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String(extension.port),
    };
  });
  afterAll(() => extension.stop());

  it('reads a SecureString by the parameter name the stack gives', async () => {
    const value = await readSecret('WHATSAPP_APP_SECRET', {
      ...env,
      WHATSAPP_APP_SECRET_PARAMETER: '/iris/demo/dev/whatsapp/app-secret',
    });
    expect(value).toBe('current-secret');
  });

  it('reads both slots of a rotating secret', async () => {
    const values = await readRotatingSecret('WHATSAPP_APP_SECRET', {
      ...env,
      WHATSAPP_APP_SECRET_PARAMETER: '/iris/demo/dev/whatsapp/app-secret',
      WHATSAPP_APP_SECRET_PREVIOUS_PARAMETER: '/iris/demo/dev/whatsapp/app-secret-previous',
    });
    expect(values).toEqual(['current-secret', 'previous-secret']);
  });

  it('reads a previous slot that was never created as absent', async () => {
    const values = await readRotatingSecret('PAYTIME_WEBHOOK_CREDENTIALS', {
      ...env,
      PAYTIME_WEBHOOK_CREDENTIALS_PARAMETER: '/iris/demo/dev/paytime/webhook-credentials',
      PAYTIME_WEBHOOK_CREDENTIALS_PREVIOUS_PARAMETER: '/iris/demo/dev/paytime/webhook-credentials-previous',
    });
    expect(values).toEqual(['paytime:pw']);
  });

  it('refuses a required secret whose parameter does not exist', async () => {
    await expect(
      readSecret('WHATSAPP_ACCESS_TOKEN', {
        ...env,
        WHATSAPP_ACCESS_TOKEN_PARAMETER: '/iris/demo/dev/missing',
      }),
    ).rejects.toBeInstanceOf(MissingSecretError);
  });

  it('fails clearly when the extension refuses the session token', async () => {
    await expect(
      readSecret('WHATSAPP_APP_SECRET', {
        ...env,
        AWS_SESSION_TOKEN: 'someone-else',
        WHATSAPP_APP_SECRET_PARAMETER: '/iris/demo/dev/whatsapp/app-secret',
      }),
    ).rejects.toThrow(/answered 401/);
  });

  it('fails clearly when nothing answers on the extension port', async () => {
    await expect(
      readSecret('WHATSAPP_APP_SECRET', {
        AWS_SESSION_TOKEN: 'session-token',
        PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: '9',
        WHATSAPP_APP_SECRET_PARAMETER: '/iris/demo/dev/whatsapp/app-secret',
      }),
    ).rejects.toBeInstanceOf(SecretUnavailableError);
  });

  it('takes a value given directly (the local cloud) without calling the extension', async () => {
    const before = extension.requests();
    expect(await readOptionalSecret('OPENAI_API_KEY', { ...env, OPENAI_API_KEY: 'sk-local' })).toBe(
      'sk-local',
    );
    expect(await readOptionalSecret('OPENAI_API_KEY', env)).toBeUndefined();
    expect(extension.requests()).toBe(before);
  });
});
