import { describe, expect, it } from 'vitest';
import { MAX_VISIBILITY_SECONDS, retryDelaySeconds } from '#application/outbox/retry-backoff';

const settings = { baseSeconds: 30, maxSeconds: 3_600 };

describe('retryDelaySeconds', () => {
  it('doubles with each receive (upper end of the jitter)', () => {
    const delays = [1, 2, 3, 4].map((count) => retryDelaySeconds(count, settings, { random: () => 1 }));
    expect(delays).toEqual([30, 60, 120, 240]);
  });

  it('keeps at least half of the exponential delay (lower end of the jitter)', () => {
    expect(retryDelaySeconds(3, settings, { random: () => 0 })).toBe(60);
  });

  it('is capped', () => {
    expect(retryDelaySeconds(20, settings, { random: () => 1 })).toBe(3_600);
  });

  it('waits at least as long as the provider asked', () => {
    expect(retryDelaySeconds(1, settings, { random: () => 0, retryAfterSeconds: 300 })).toBe(300);
  });

  it('never exceeds what SQS accepts as a visibility timeout', () => {
    expect(retryDelaySeconds(1, settings, { retryAfterSeconds: 100_000 })).toBe(MAX_VISIBILITY_SECONDS);
  });
});
