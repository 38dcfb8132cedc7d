import { describe, expect, it } from 'vitest';
import { PaytimeBillingProvider } from '#adapters/paytime/paytime-billing-provider';
import { referenceOf } from '#adapters/paytime/paytime-reference';
import { jwtExpiryMs } from '#adapters/paytime/paytime-session';
import {
  BillingProviderAuthError,
  BillingProviderRejectedError,
  BillingProviderUnavailableError,
  BoletoNotFoundAtProviderError,
} from '#application/ports/billing-provider';
import { sampleRequest } from './sample-request';

interface Recorded {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: unknown;
}

type Reply = { status: number; body?: unknown } | Error;

/** A fetch that never touches the network: records each request and answers from a script. */
function scriptedFetch(answer: (request: Recorded, index: number) => Reply) {
  const requests: Recorded[] = [];
  const fetchFn = (async (input: string | URL | Request, init?: RequestInit) => {
    const request: Recorded = {
      method: init?.method ?? 'GET',
      url: new URL(String(input)),
      headers: Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>)),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    requests.push(request);
    const reply = answer(request, requests.length - 1);
    if (reply instanceof Error) throw reply;
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
    });
  }) as typeof fetch;
  return { fetchFn, requests, calls: (path: string) => requests.filter((r) => r.url.pathname === path) };
}

const billet = (overrides: Record<string, unknown> = {}) => ({
  _id: 'b1',
  status: 'PROCESSING',
  amount: 15_000,
  expiration_at: '2026-12-10T12:00:00.000Z',
  created_at: '2026-11-23T12:00:00.000Z',
  client: { document: '52998224725' },
  ...overrides,
});

const LOGIN = '/v1/auth/login';
const BILLETS = '/v1/marketplace/billets';

function providerWith(
  answer: (request: Recorded, index: number) => Reply,
  nowMs = Date.parse('2026-11-23T12:00:00Z'),
) {
  const scripted = scriptedFetch(answer);
  const clock = { nowMs, now: () => new Date(clock.nowMs) };
  const provider = new PaytimeBillingProvider({
    baseUrl: 'https://paytime.test/',
    integrationKey: 'ik',
    authenticationKey: 'ak',
    xToken: 'xt',
    timeoutMs: 1_000,
    maxRetries: 2,
    fetch: scripted.fetchFn,
    clock,
    retryBaseDelayMs: 0,
    retryMaxDelayMs: 0,
    establishmentId: '155085',
  });
  return { provider, clock, ...scripted };
}

const loggedIn = (request: Recorded): Reply | undefined =>
  request.url.pathname === LOGIN ? { status: 200, body: { token: 'tok-1', expires_in: 3600 } } : undefined;

describe('PaytimeBillingProvider request mapping', () => {
  it('logs in with the three credentials and creates with Bearer, integration-key and x-token', async () => {
    const { provider, requests } = providerWith(
      (request) => loggedIn(request) ?? { status: 200, body: billet() },
    );
    const boleto = await provider.createBoleto(sampleRequest());
    expect(boleto).toMatchObject({ providerId: 'b1', status: 'processing', amountCents: 15_000 });
    const [login, create] = requests as [Recorded, Recorded];
    expect(login.method).toBe('POST');
    expect(login.url.pathname).toBe(LOGIN);
    expect(login.headers).toMatchObject({
      'integration-key': 'ik',
      'authentication-key': 'ak',
      'x-token': 'xt',
    });
    expect(create.method).toBe('POST');
    expect(create.url.pathname).toBe(BILLETS);
    expect(create.headers).toMatchObject({
      authorization: 'Bearer tok-1',
      'integration-key': 'ik',
      'x-token': 'xt',
      establishment_id: '155085',
      'content-type': 'application/json',
    });
    expect(create.headers['authentication-key']).toBeUndefined();
    expect(create.body).toMatchObject({
      amount: 15_000,
      expiration: '2026-12-10',
      payment_limit_date: '2026-12-20',
    });
  });

  it('sends list filters, search, sorting and pagination as query parameters', async () => {
    const { provider, calls } = providerWith(
      (request) => loggedIn(request) ?? { status: 200, body: { total: 0, page: 2, perPage: 50, data: [] } },
    );
    await provider.listBoletos({ status: 'pending', payerTaxId: '529.982.247-25' }, { page: 2, perPage: 50 });
    const [list] = calls(BILLETS) as [Recorded];
    expect(list.method).toBe('GET');
    expect(Object.fromEntries(list.url.searchParams)).toEqual({
      page: '2',
      perPage: '50',
      sorters: JSON.stringify([{ column: 'created_at', direction: 'DESC' }]),
      filters: JSON.stringify({ status: 'PENDING' }),
      search: '52998224725',
    });
  });

  it('refuses more than 100 per page without calling Paytime', async () => {
    const { provider, requests } = providerWith(() => ({ status: 500 }));
    await expect(provider.listBoletos({}, { page: 1, perPage: 101 })).rejects.toThrow(
      BillingProviderRejectedError,
    );
    expect(requests).toHaveLength(0);
  });
});

describe('PaytimeBillingProvider tokens', () => {
  it('reuses the token until shortly before it expires', async () => {
    const { provider, clock, calls } = providerWith(
      (request) => loggedIn(request) ?? { status: 200, body: billet() },
    );
    await provider.getBoleto('b1');
    await provider.getBoleto('b1');
    expect(calls(LOGIN)).toHaveLength(1);
    clock.nowMs += 3600_000 - 30_000; // inside the 60 s refresh margin
    await provider.getBoleto('b1');
    expect(calls(LOGIN)).toHaveLength(2);
  });

  it('logs in again once on 401 and then gives up with BillingProviderAuthError', async () => {
    const { provider, calls } = providerWith(
      (request) => loggedIn(request) ?? { status: 401, body: { message: 'no' } },
    );
    await expect(provider.getBoleto('b1')).rejects.toThrow(BillingProviderAuthError);
    expect(calls(LOGIN)).toHaveLength(2);
    expect(calls(`${BILLETS}/b1`)).toHaveLength(2);
  });

  it('reads the JWT exp claim when the login says nothing about expiry', () => {
    const payload = Buffer.from(JSON.stringify({ exp: 1_800_000_000 })).toString('base64url');
    expect(jwtExpiryMs(`h.${payload}.s`)).toBe(1_800_000_000_000);
    expect(jwtExpiryMs('opaque-token')).toBeUndefined();
  });
});

describe('PaytimeBillingProvider failures', () => {
  it('retries a GET on 5xx and succeeds', async () => {
    let failures = 2;
    const { provider, calls } = providerWith((request) => {
      const login = loggedIn(request);
      if (login) return login;
      if (failures > 0) {
        failures -= 1;
        return { status: 503 };
      }
      return { status: 200, body: billet({ status: 'PENDING' }) };
    });
    await expect(provider.getBoleto('b1')).resolves.toMatchObject({ status: 'pending' });
    expect(calls(`${BILLETS}/b1`)).toHaveLength(3);
  });

  it('never retries a create and flags the unknown outcome of a 5xx', async () => {
    const { provider, calls } = providerWith((request) => loggedIn(request) ?? { status: 502 });
    const error = await provider.createBoleto(sampleRequest()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BillingProviderUnavailableError);
    expect((error as BillingProviderUnavailableError).outcomeUnknown).toBe(true);
    expect(calls(BILLETS)).toHaveLength(1);
  });

  it('flags the unknown outcome of a create whose connection dropped', async () => {
    const dropped = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } });
    const { provider } = providerWith((request) => loggedIn(request) ?? dropped);
    await expect(provider.createBoleto(sampleRequest())).rejects.toMatchObject({
      name: 'BillingProviderUnavailableError',
      outcomeUnknown: true,
    });
  });

  it('maps a 422 on create to BillingProviderRejectedError with the provider message', async () => {
    const { provider } = providerWith(
      (request) => loggedIn(request) ?? { status: 422, body: { message: ['client.email must be an email'] } },
    );
    await expect(provider.createBoleto(sampleRequest())).rejects.toMatchObject({
      name: 'BillingProviderRejectedError',
      httpStatus: 422,
      providerMessage: 'client.email must be an email',
    });
  });

  it('maps 404 on get and cancel to BoletoNotFoundAtProviderError', async () => {
    const { provider } = providerWith((request) => loggedIn(request) ?? { status: 404 });
    await expect(provider.getBoleto('nope')).rejects.toThrow(BoletoNotFoundAtProviderError);
    await expect(provider.cancelBoleto('nope')).rejects.toThrow(BoletoNotFoundAtProviderError);
  });

  it('treats cancelling an already cancelled boleto as success', async () => {
    const { provider } = providerWith((request) => {
      const login = loggedIn(request);
      if (login) return login;
      if (request.method === 'DELETE') return { status: 400, body: { message: 'Boleto já cancelado' } };
      return { status: 200, body: billet({ status: 'CANCELED' }) };
    });
    await expect(provider.cancelBoleto('b1')).resolves.toMatchObject({ status: 'cancelled' });
  });

  it('refuses to cancel a paid boleto', async () => {
    const { provider } = providerWith((request) => {
      const login = loggedIn(request);
      if (login) return login;
      if (request.method === 'DELETE') return { status: 400, body: { message: 'Boleto pago' } };
      return { status: 200, body: billet({ status: 'PAID' }) };
    });
    await expect(provider.cancelBoleto('b1')).rejects.toThrow(BillingProviderRejectedError);
  });
});

describe('PaytimeBillingProvider.findBoletoByCommandKey', () => {
  const hints = {
    amountCents: 15_000,
    dueDate: '2026-12-10' as never,
    payerTaxId: '52998224725',
    createdAfter: new Date('2026-11-23T11:59:00Z'),
  };

  it('finds the tagged boleto on a later page and stops reading there', async () => {
    const ours = billet({ _id: 'ours', description: `x (ref ${referenceOf('cmd')})` });
    const { provider, calls } = providerWith((request) => {
      const login = loggedIn(request);
      if (login) return login;
      const page = Number(request.url.searchParams.get('page'));
      const data =
        page === 1 ? [billet({ _id: 'other', description: `y (ref ${referenceOf('zzz')})` })] : [ours];
      return { status: 200, body: { total: 300, page, perPage: 100, lastPage: 3, data } };
    });
    await expect(provider.findBoletoByCommandKey('cmd', hints)).resolves.toMatchObject({
      providerId: 'ours',
    });
    expect(calls(BILLETS)).toHaveLength(2);
  });

  it('answers null when nothing matches', async () => {
    const { provider } = providerWith(
      (request) =>
        loggedIn(request) ?? {
          status: 200,
          body: { total: 1, page: 1, perPage: 100, data: [billet({ amount: 1 })] },
        },
    );
    await expect(provider.findBoletoByCommandKey('cmd', hints)).resolves.toBeNull();
  });
});
