import { afterEach, describe, expect, it, vi } from 'vitest';
import { transientRetry } from '#adapters/paytime/retry-with-backoff';
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

describe('transientRetry', () => {
  const settings = { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 500 };
  afterEach(() => vi.restoreAllMocks());

  /** Runs a failing call through the policy with Math.random fixed; the waits it took and the attempts made. */
  async function run(random: number, isTransient: (error: Error) => boolean, scale = settings) {
    vi.spyOn(Math, 'random').mockReturnValue(random);
    const policy = transientRetry(scale, isTransient);
    const delays: number[] = [];
    policy.onRetry(({ delay }) => delays.push(delay));
    let attempts = 0;
    const outcome = policy.execute(async () => {
      attempts += 1;
      throw new Error('down');
    });
    await expect(outcome).rejects.toThrow('down');
    return { delays, attempts };
  }

  it('waits a full-jitter delay below the capped exponential ceiling', async () => {
    const tiny = { maxRetries: 4, baseDelayMs: 2, maxDelayMs: 10 };
    expect((await run(0.999_999, () => true, tiny)).delays).toEqual([1, 3, 7, 9]);
    expect((await run(0, () => true, tiny)).delays).toEqual([0, 0, 0, 0]);
  });

  it('stops after maxRetries and only for transient failures', async () => {
    expect(await run(0.5, () => true)).toEqual({ delays: [50, 100, 200], attempts: 4 });
    expect(await run(0.5, () => false)).toEqual({ delays: [], attempts: 1 });
  });
});
