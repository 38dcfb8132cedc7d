import { describe, expect, it } from 'vitest';
import { fullJitterDelayMs, withRetries } from '#adapters/paytime/retry-with-backoff';
import {
  type BillingProvider,
  BillingProviderRejectedError,
  BillingProviderUnavailableError,
  createBoletoLookingFirst,
  type ProviderBoleto,
} from '#application/ports/billing-provider';
import { calendarDate } from '#domain/calendar-date';
import { sampleRequest } from './sample-request';

const boleto: ProviderBoleto = {
  providerId: 'b1',
  status: 'processing',
  amountCents: 15_000,
  dueDate: calendarDate('2026-12-10'),
};

function fakeProvider(script: { create: () => Promise<ProviderBoleto>; found: ProviderBoleto | null }) {
  const calls = { create: 0, find: [] as Date[] };
  const provider: BillingProvider = {
    createBoleto: async () => {
      calls.create += 1;
      return script.create();
    },
    findBoletoByCommandKey: async (_key, hints) => {
      calls.find.push(hints.createdAfter);
      return script.found;
    },
    getBoleto: async () => boleto,
    listBoletos: async () => ({ items: [], page: 1, perPage: 1, total: 0, hasMore: false }),
    cancelBoleto: async () => boleto,
  };
  return { provider, calls };
}

const attemptAt = new Date('2026-11-23T12:00:00Z');
const previousAttemptAt = new Date('2026-11-23T11:00:00Z');

describe('createBoletoLookingFirst', () => {
  it('creates directly on a first attempt', async () => {
    const { provider, calls } = fakeProvider({ create: async () => boleto, found: null });
    await expect(createBoletoLookingFirst(provider, sampleRequest(), { attemptAt })).resolves.toEqual({
      boleto,
      created: true,
    });
    expect(calls.find).toHaveLength(0);
  });

  it('uses the boleto an earlier attempt created instead of creating another', async () => {
    const { provider, calls } = fakeProvider({ create: async () => boleto, found: boleto });
    const outcome = await createBoletoLookingFirst(provider, sampleRequest(), {
      attemptAt,
      previousAttemptAt,
    });
    expect(outcome.created).toBe(false);
    expect(calls.create).toBe(0);
    expect(calls.find).toEqual([previousAttemptAt]);
  });

  it('looks after a lost response and returns what the lost call created', async () => {
    const lost = new BillingProviderUnavailableError('timeout', { outcomeUnknown: true });
    const { provider, calls } = fakeProvider({ create: () => Promise.reject(lost), found: boleto });
    const outcome = await createBoletoLookingFirst(provider, sampleRequest(), { attemptAt });
    expect(outcome).toEqual({ boleto, created: false });
    expect(calls.find).toEqual([attemptAt]);
  });

  it('rethrows when the lost call left nothing behind, so the caller retries later', async () => {
    const lost = new BillingProviderUnavailableError('timeout', { outcomeUnknown: true });
    const { provider } = fakeProvider({ create: () => Promise.reject(lost), found: null });
    await expect(createBoletoLookingFirst(provider, sampleRequest(), { attemptAt })).rejects.toBe(lost);
  });

  it('does not look after a failure whose outcome is known', async () => {
    const rejected = new BillingProviderRejectedError('bad');
    const { provider, calls } = fakeProvider({ create: () => Promise.reject(rejected), found: boleto });
    await expect(createBoletoLookingFirst(provider, sampleRequest(), { attemptAt })).rejects.toBe(rejected);
    expect(calls.find).toHaveLength(0);
  });
});

describe('withRetries', () => {
  const policy = (random: () => number, delays: number[]) => ({
    maxRetries: 3,
    baseDelayMs: 100,
    maxDelayMs: 500,
    random,
    sleep: async (ms: number) => {
      delays.push(ms);
    },
  });

  it('waits a full-jitter delay below the capped exponential ceiling', () => {
    const almostOne = () => 0.999_999;
    expect([0, 1, 2, 3, 4].map((n) => fullJitterDelayMs(n, policy(almostOne, [])))).toEqual([
      99, 199, 399, 499, 499,
    ]);
    expect(
      fullJitterDelayMs(
        3,
        policy(() => 0, []),
      ),
    ).toBe(0);
  });

  it('stops after maxRetries and only for retryable failures', async () => {
    const delays: number[] = [];
    let attempts = 0;
    const failing = withRetries(
      policy(() => 0.5, delays),
      () => true,
      async () => {
        attempts += 1;
        throw new Error('down');
      },
    );
    await expect(failing).rejects.toThrow('down');
    expect(attempts).toBe(4);
    expect(delays).toEqual([50, 100, 200]);

    let permanentAttempts = 0;
    await expect(
      withRetries(
        policy(() => 0.5, []),
        () => false,
        async () => {
          permanentAttempts += 1;
          throw new Error('bad');
        },
      ),
    ).rejects.toThrow('bad');
    expect(permanentAttempts).toBe(1);
  });
});
