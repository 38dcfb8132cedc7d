import { isValidBoleto } from '@brazilian-utils/brazilian-utils';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PaytimeBillingProvider } from '#adapters/paytime/paytime-billing-provider';
import {
  BillingProviderAuthError,
  BillingProviderRejectedError,
  BillingProviderUnavailableError,
  BoletoNotFoundAtProviderError,
  createBoletoLookingFirst,
  type ProviderBoleto,
} from '#application/ports/billing-provider';
import { saoPauloDateOf } from '#domain/calendar-date';
import {
  type RunningPaytimeSimulator,
  startPaytimeSimulator,
} from '#simulators/paytime/start-paytime-simulator';
import { sampleRequest } from '#test/unit/paytime/sample-request';
import { eventually } from './webhook-receiver';

let simulator: RunningPaytimeSimulator;

beforeAll(async () => {
  simulator = await startPaytimeSimulator({ processingDelayMs: 50 });
});

afterEach(() => simulator.controls.reset());

afterAll(() => simulator.stop());

function provider(overrides: Partial<ConstructorParameters<typeof PaytimeBillingProvider>[0]> = {}) {
  return new PaytimeBillingProvider({
    baseUrl: simulator.url,
    ...simulator.credentials,
    timeoutMs: 2_000,
    maxRetries: 3,
    retryBaseDelayMs: 5,
    retryMaxDelayMs: 20,
    ...overrides,
  });
}

const creates = () => simulator.controls.requests().filter((entry) => entry.operation === 'create');

async function pendingBoleto(paytime: PaytimeBillingProvider, id: string): Promise<ProviderBoleto> {
  return eventually(async () => {
    const boleto = await paytime.getBoleto(id);
    return boleto.status === 'pending' ? boleto : undefined;
  });
}

describe('PaytimeBillingProvider against the simulator: tokens', () => {
  it('logs in once and reuses the token across calls', async () => {
    const paytime = provider();
    const created = await paytime.createBoleto(sampleRequest());
    await paytime.getBoleto(created.providerId);
    await paytime.listBoletos({}, { page: 1, perPage: 10 });
    expect(simulator.controls.loginCount()).toBe(1);
  });

  it('logs in again when Paytime stops accepting the token', async () => {
    const paytime = provider();
    const created = await paytime.createBoleto(sampleRequest());
    simulator.controls.revokeTokens();
    await expect(paytime.getBoleto(created.providerId)).resolves.toMatchObject({
      providerId: created.providerId,
    });
    expect(simulator.controls.loginCount()).toBe(2);
    const gets = simulator.controls.requests().filter((entry) => entry.operation === 'get');
    expect(gets.map((entry) => entry.outcome)).toEqual([401, 200]);
  });

  it('reports wrong credentials as BillingProviderAuthError', async () => {
    const paytime = provider({ authenticationKey: 'wrong' });
    await expect(paytime.getBoleto('any')).rejects.toThrow(BillingProviderAuthError);
  });
});

describe('PaytimeBillingProvider against the simulator: boletos', () => {
  it('creates a processing boleto that becomes pending with a valid digitable line', async () => {
    const paytime = provider();
    const request = sampleRequest();
    const created = await paytime.createBoleto(request);
    expect(created).toMatchObject({ status: 'processing', amountCents: 15_000, dueDate: '2026-12-10' });
    expect(created.digitableLine).toBeUndefined();
    const pending = await pendingBoleto(paytime, created.providerId);
    expect(pending.amountCents).toBe(15_000);
    expect(pending.feesCents).toBe(250);
    expect(pending.digitableLine).toMatch(/^\d{47}$/);
    expect(isValidBoleto(pending.digitableLine ?? '')).toBe(true);
    expect(pending.digitableLine?.slice(-10)).toBe('0000015000');
    expect(pending.barcode).toMatch(/^\d{44}$/);
    expect(pending.pixEmv).toMatch(/^000201.*6304[0-9A-F]{4}$/);
    expect(pending.reference).toMatch(/^IRIS-[0-9a-f]{16}$/);
    const pdf = await fetch(pending.pdfUrl ?? '');
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect((await pdf.text()).startsWith('%PDF-')).toBe(true);
  });

  it('lists by status and payer, newest first, and cancels idempotently', async () => {
    const paytime = provider();
    const first = await paytime.createBoleto(sampleRequest({ commandKey: 'a' }));
    const second = await paytime.createBoleto(sampleRequest({ commandKey: 'b' }));
    await paytime.createBoleto(
      sampleRequest({
        commandKey: 'c',
        payer: { name: 'Outra Pessoa', taxId: '11144477735', email: 'o@x.com' },
      }),
    );
    const mine = await paytime.listBoletos({ payerTaxId: '529.982.247-25' }, { page: 1, perPage: 100 });
    expect(mine.items.map((item) => item.providerId)).toEqual([second.providerId, first.providerId]);
    await pendingBoleto(paytime, first.providerId);
    const pending = await paytime.listBoletos(
      { status: 'pending', payerTaxId: '52998224725' },
      { page: 1, perPage: 1 },
    );
    expect(pending.items).toHaveLength(1);
    expect(pending.items[0]?.status).toBe('pending');
    await expect(paytime.cancelBoleto(first.providerId)).resolves.toMatchObject({ status: 'cancelled' });
    await expect(paytime.cancelBoleto(first.providerId)).resolves.toMatchObject({ status: 'cancelled' });
  });

  it('refuses to cancel a paid boleto', async () => {
    const paytime = provider();
    const created = await paytime.createBoleto(sampleRequest());
    await pendingBoleto(paytime, created.providerId);
    simulator.controls.pay(created.providerId);
    await expect(paytime.cancelBoleto(created.providerId)).rejects.toThrow(BillingProviderRejectedError);
    await expect(paytime.getBoleto(created.providerId)).resolves.toMatchObject({
      status: 'paid',
      paidAmountCents: 15_000,
    });
  });

  it('maps unknown ids to BoletoNotFoundAtProviderError and validation failures to rejections', async () => {
    const paytime = provider();
    await expect(paytime.getBoleto('000000000000000000000000')).rejects.toThrow(
      BoletoNotFoundAtProviderError,
    );
    const noEmail = sampleRequest({ payer: { name: 'Sem Email', taxId: '52998224725' } });
    await expect(paytime.createBoleto(noEmail)).rejects.toMatchObject({
      name: 'BillingProviderRejectedError',
      httpStatus: 422,
    });
    expect(simulator.controls.boletos()).toHaveLength(0);
  });
});

describe('PaytimeBillingProvider against the simulator: faults', () => {
  it('retries a GET answered 5xx twice and succeeds on the third try', async () => {
    const paytime = provider();
    const created = await paytime.createBoleto(sampleRequest());
    simulator.controls.failNext(2, { status: 503, operations: ['get'] });
    await expect(paytime.getBoleto(created.providerId)).resolves.toMatchObject({
      providerId: created.providerId,
    });
    const gets = simulator.controls.requests().filter((entry) => entry.operation === 'get');
    expect(gets.map((entry) => entry.outcome)).toEqual([503, 503, 200]);
  });

  it('turns a call that never answers into BillingProviderUnavailableError', async () => {
    const paytime = provider({ timeoutMs: 200, maxRetries: 1 });
    simulator.controls.hangNext(2, { hangMs: 2_000, operations: ['list'] });
    const started = Date.now();
    const error = await paytime.listBoletos({}, { page: 1, perPage: 10 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BillingProviderUnavailableError);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('finds the boleto a create with a lost response made, and creates no second one', async () => {
    const paytime = provider();
    const request = sampleRequest();
    const attemptAt = new Date();
    simulator.controls.loseNextCreateResponses(1);
    const lost = await paytime.createBoleto(request).catch((caught: unknown) => caught);
    expect(lost).toMatchObject({ name: 'BillingProviderUnavailableError', outcomeUnknown: true });
    const found = await paytime.findBoletoByCommandKey(request.commandKey, {
      amountCents: request.amountCents,
      dueDate: request.dueDate,
      payerTaxId: request.payer.taxId,
      createdAfter: attemptAt,
    });
    expect(found?.providerId).toBe(simulator.controls.boletos()[0]?._id);
    const outcome = await createBoletoLookingFirst(paytime, request, {
      attemptAt: new Date(),
      previousAttemptAt: attemptAt,
    });
    expect(outcome).toMatchObject({ created: false, boleto: { providerId: found?.providerId } });
    expect(simulator.controls.boletos()).toHaveLength(1);
    expect(creates()).toHaveLength(1);
  });

  it('recovers from a create that timed out after the boleto was made', async () => {
    const paytime = provider({ timeoutMs: 300 });
    simulator.controls.loseNextCreateResponses(1, 'hang');
    const outcome = await createBoletoLookingFirst(paytime, sampleRequest(), { attemptAt: new Date() });
    expect(outcome.created).toBe(false);
    expect(simulator.controls.boletos()).toHaveLength(1);
  });

  it('ends in exactly one boleto when the first two create attempts answer 5xx', async () => {
    const paytime = provider();
    const request = sampleRequest();
    simulator.controls.failNext(2, { status: 502, operations: ['create'] });
    const firstAttemptAt = new Date();
    let previousAttemptAt: Date | undefined;
    let outcome: Awaited<ReturnType<typeof createBoletoLookingFirst>> | undefined;
    for (let attempt = 0; attempt < 3 && !outcome; attempt += 1) {
      outcome = await createBoletoLookingFirst(paytime, request, {
        attemptAt: new Date(),
        previousAttemptAt,
      }).catch((error: unknown) => {
        expect(error).toBeInstanceOf(BillingProviderUnavailableError);
        previousAttemptAt = firstAttemptAt;
        return undefined;
      });
    }
    expect(outcome?.created).toBe(true);
    expect(simulator.controls.boletos()).toHaveLength(1);
    expect(creates().map((entry) => entry.outcome)).toEqual([502, 502, 200]);
  });

  it('finds the boleto when a 5xx came after Paytime had created it', async () => {
    const paytime = provider();
    simulator.controls.failNext(1, { status: 500, operations: ['create'], afterWork: true });
    const outcome = await createBoletoLookingFirst(paytime, sampleRequest(), { attemptAt: new Date() });
    expect(outcome.created).toBe(false);
    expect(simulator.controls.boletos()).toHaveLength(1);
  });
});

describe('Paytime simulator sandbox amount rules', () => {
  it('keeps < R$ 100 processing, makes R$ 100–499,99 pending and R$ 500+ paid', async () => {
    simulator.controls.setSandboxAmountRules(true);
    const paytime = provider();
    const small = await paytime.createBoleto(sampleRequest({ commandKey: 's', amountCents: 9_999 }));
    const medium = await paytime.createBoleto(sampleRequest({ commandKey: 'm', amountCents: 49_999 }));
    const large = await paytime.createBoleto(sampleRequest({ commandKey: 'l', amountCents: 50_000 }));
    await eventually(async () =>
      (await paytime.getBoleto(large.providerId)).status === 'paid' ? true : undefined,
    );
    expect((await paytime.getBoleto(medium.providerId)).status).toBe('pending');
    expect((await paytime.getBoleto(small.providerId)).status).toBe('processing');
    const paid = await paytime.getBoleto(large.providerId);
    expect(paid.paidAmountCents).toBe(50_000);
    expect(saoPauloDateOf(new Date(paid.paidAt ?? ''))).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('PaytimeBillingProvider against the simulator: refusals and outages', () => {
  it('names the refused field of a 422 in the port’s words', async () => {
    const request = sampleRequest({ payer: { name: 'Kleiton', taxId: '52998224725' } });
    const error = await provider()
      .createBoleto(request)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BillingProviderRejectedError);
    expect((error as BillingProviderRejectedError).fields).toEqual(['payer.email']);
    expect(creates()).toHaveLength(1);
  });

  it('opens the circuit after consecutive failures: later calls fail at once, unsent, until it half-opens', async () => {
    let now = Date.parse('2026-12-05T12:00:00Z');
    const paytime = provider({
      maxRetries: 0,
      clock: { now: () => new Date(now) },
      circuitBreaker: { failureThreshold: 3, minFailingMs: 0, openMs: 60_000 },
    });
    simulator.controls.failNext(100, { status: 503 });
    for (let i = 0; i < 3; i += 1) {
      await expect(paytime.listBoletos({}, { page: 1, perPage: 10 })).rejects.toBeInstanceOf(
        BillingProviderUnavailableError,
      );
    }
    const sent = simulator.controls.requests().length;
    const fast = await paytime.createBoleto(sampleRequest()).catch((caught: unknown) => caught);
    expect(fast).toBeInstanceOf(BillingProviderUnavailableError);
    expect((fast as BillingProviderUnavailableError).outcomeUnknown).toBe(false);
    expect(simulator.controls.requests()).toHaveLength(sent);
    simulator.controls.clearFaults();
    now += 60_000;
    await expect(paytime.listBoletos({}, { page: 1, perPage: 10 })).resolves.toMatchObject({ page: 1 });
    expect(simulator.controls.requests().length).toBeGreaterThan(sent);
  });
});
