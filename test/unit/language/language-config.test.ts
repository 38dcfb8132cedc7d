import { describe, expect, it } from 'vitest';
import { languageConfig } from '#config/language-config';

describe('languageConfig', () => {
  it('uses the deterministic parser alone without an API key', () => {
    expect(languageConfig({})).toEqual({ openai: null });
    expect(languageConfig({ OPENAI_API_KEY: '  ' })).toEqual({ openai: null });
  });

  it('configures OpenAI with safe defaults when a key is set', () => {
    expect(languageConfig({ OPENAI_API_KEY: 'sk-test' })).toEqual({
      openai: { apiKey: 'sk-test', model: 'gpt-4o-mini', timeoutMs: 6000, maxRetries: 1 },
    });
  });

  it('reads the endpoint, model, timeout and retries', () => {
    const config = languageConfig({
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: 'http://127.0.0.1:9999/v1',
      OPENAI_MODEL: 'gpt-4.1-mini',
      OPENAI_TIMEOUT_MS: '1500',
      OPENAI_MAX_RETRIES: '0',
    });
    expect(config.openai).toEqual({
      apiKey: 'sk-test',
      baseURL: 'http://127.0.0.1:9999/v1',
      model: 'gpt-4.1-mini',
      timeoutMs: 1500,
      maxRetries: 0,
    });
  });

  it('refuses a malformed timeout', () => {
    expect(() => languageConfig({ OPENAI_API_KEY: 'sk-test', OPENAI_TIMEOUT_MS: 'soon' })).toThrow();
  });
});
