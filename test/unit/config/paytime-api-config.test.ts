import { describe, expect, it } from 'vitest';
import { paytimeApiConfigOf } from '#config/follow-up-env';

const credentials = JSON.stringify({ integrationKey: 'i', authenticationKey: 'a', xToken: 'x' });
const base = { PAYTIME_BASE_URL: 'https://paytime.example', PAYTIME_API_CREDENTIALS: credentials };

describe('paytimeApiConfigOf', () => {
  it('leaves the retry pauses to the adapter unless told', async () => {
    const config = await paytimeApiConfigOf(base);
    expect(config).toEqual({
      baseUrl: 'https://paytime.example',
      integrationKey: 'i',
      authenticationKey: 'a',
      xToken: 'x',
    });
  });

  it('takes a shorter retry pause (the local cloud)', async () => {
    const config = await paytimeApiConfigOf({ ...base, PAYTIME_RETRY_BASE_DELAY_MS: '5' });
    expect(config?.retryBaseDelayMs).toBe(5);
  });

  it('refuses a pause that is not a number of milliseconds', async () => {
    await expect(paytimeApiConfigOf({ ...base, PAYTIME_RETRY_BASE_DELAY_MS: '5s' })).rejects.toThrow(
      /PAYTIME_RETRY_BASE_DELAY_MS/,
    );
  });
});
