import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toApiGatewayEvent, writeApiGatewayResult } from './api-gateway-event';
import { serveConsoleAsset } from './console-assets';
import { createLambdaContext, invokeLocalHandler, type LocalLambdaHandler } from './emulators';
import { invokeExportFunctionUrl, LOCAL_EXPORT_URL_PREFIX } from './export-function-url';
import { BadRequestError, RequestTooLargeError, readBody, sendError, sendJson } from './http-io';
import { functionArn, type LocalFunctionName } from './local-cloud-names';
import { handleLocalRoute, type LocalRoutesBackend } from './local-routes';
import { injectSesEvent } from './ses-event-simulator';
import { proxyToSimulator } from './simulator-proxy';
import type { LocalTenantApiGateway } from './tenant-api-gateway';

/**
 * The local cloud's one HTTP port. The HTTP API's routes (`/webhooks/whatsapp` GET and POST,
 * `/webhooks/paytime` POST) call the deployed handlers with API Gateway v2 events; `/health` and `/ready`
 * report on the local cloud; `/_sim/...`, `/_local/...` and `/console` exist only here. Until the local cloud
 * has finished starting, everything but `/health` answers 503.
 */

export const WEBHOOK_ROUTES: ReadonlyArray<{ method: string; path: string; handler: LocalFunctionName }> = [
  { method: 'GET', path: '/webhooks/whatsapp', handler: 'whatsapp-webhook' },
  { method: 'POST', path: '/webhooks/whatsapp', handler: 'whatsapp-webhook' },
  { method: 'POST', path: '/webhooks/paytime', handler: 'paytime-webhook' },
];

export interface ApiBackend extends LocalRoutesBackend {
  handler(name: LocalFunctionName): LocalLambdaHandler | undefined;
  readiness(): { ready: boolean; missingFunctions: string[] };
  simulators: { whatsapp: string; paytime: string; openai: string };
  /** `/v1/...` behind the local JWT authorizer, and the demo members' sign-in. */
  tenantApi: LocalTenantApiGateway;
}

export interface RunningApiServer {
  server: Server;
  url: string;
  port: number;
  attach(backend: ApiBackend): void;
  close(): Promise<void>;
}

export async function startApiServer(options: {
  port: number;
  log: (line: string) => void;
}): Promise<RunningApiServer> {
  let backend: ApiBackend | undefined;
  const server = createServer((request, response) => {
    route(request, response, backend, options.log).catch((error: unknown) => {
      if (error instanceof BadRequestError) return sendError(response, 400, error.message);
      if (error instanceof RequestTooLargeError) return sendError(response, 413, error.message);
      options.log(
        `API error on ${request.method} ${request.url}: ${error instanceof Error ? error.stack : String(error)}`,
      );
      sendError(response, 500, 'internal error of the local cloud');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    port,
    attach: (ready) => {
      backend = ready;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function route(
  request: IncomingMessage,
  response: ServerResponse,
  backend: ApiBackend | undefined,
  log: (line: string) => void,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const method = request.method ?? 'GET';
  const path = url.pathname;
  if (path === '/health') return sendJson(response, method === 'GET' ? 200 : 405, { status: 'ok' });
  if (!backend) return sendError(response, 503, 'the local cloud is starting');
  if (path === '/ready') {
    const readiness = backend.readiness();
    return sendJson(response, readiness.ready ? 200 : 503, readiness);
  }
  if (path === '/' && method === 'GET') {
    response.writeHead(302, { location: '/console' });
    response.end();
    return;
  }
  const webhook = WEBHOOK_ROUTES.find((candidate) => candidate.path === path);
  if (webhook) return invokeWebhook(request, response, backend, path, log);
  if (path === '/v1' || path.startsWith('/v1/') || path === '/docs') {
    return backend.tenantApi.invoke(request, response, backend.handler('tenant-api'));
  }
  if (path.startsWith(`${LOCAL_EXPORT_URL_PREFIX}/`))
    return invokeExportFunctionUrl(request, response, backend.handler('tenant-exports'), log);
  if (path === '/_local/auth/token' && method === 'POST')
    return backend.tenantApi.issueToken(request, response);
  if (path.startsWith('/_sim/whatsapp/')) {
    return proxyToSimulator(request, response, { baseUrl: backend.simulators.whatsapp }, () =>
      backend.settle(),
    );
  }
  if (path.startsWith('/_sim/paytime/')) {
    return proxyToSimulator(request, response, { baseUrl: backend.simulators.paytime }, () =>
      backend.settle(),
    );
  }
  if (path === '/_sim/ses/events' && method === 'POST') {
    return injectSesEvent(request, response, {
      collections: backend.state.collections,
      handler: backend.handler('email-events'),
      now: () => new Date(backend.state.clock().now),
      settle: () => backend.settle(),
    });
  }
  if (path.startsWith('/_sim/openai/')) {
    return proxyToSimulator(request, response, { baseUrl: backend.simulators.openai }, () =>
      backend.settle(),
    );
  }
  if (await handleLocalRoute(request, response, url, backend)) return;
  if (method === 'GET' && (await serveConsoleAsset(path, response))) return;
  sendError(response, 404, `no route ${method} ${path}`);
}

async function invokeWebhook(
  request: IncomingMessage,
  response: ServerResponse,
  backend: ApiBackend,
  path: string,
  log: (line: string) => void,
): Promise<void> {
  const method = request.method ?? 'GET';
  const route = WEBHOOK_ROUTES.find((candidate) => candidate.path === path && candidate.method === method);
  if (!route) {
    // API Gateway answers an undeclared method itself, without invoking anything.
    await readBody(request);
    return sendJson(response, 404, { message: 'Not Found' });
  }
  const handler = backend.handler(route.handler);
  if (!handler) {
    await readBody(request);
    return sendError(response, 503, `functions/${route.handler}/handler.ts is not available`);
  }
  await invokeHttpApiFunction(request, response, {
    handler,
    functionName: functionArn(route.handler),
    routeKey: `${route.method} ${route.path}`,
    log,
  });
}

/**
 * One HTTP API request through a Lambda integration, as the local cloud serves it: the body read, the API Gateway
 * v2 event built, the handler invoked with a Lambda context, its result written back. Exported so the bench can
 * put a reference receiver behind exactly the same front as the production webhook.
 */
export async function invokeHttpApiFunction(
  request: IncomingMessage,
  response: ServerResponse,
  target: {
    handler: LocalLambdaHandler;
    functionName: string;
    routeKey: string;
    log: (line: string) => void;
  },
): Promise<void> {
  const body = await readBody(request);
  const event = toApiGatewayEvent(
    {
      method: request.method ?? 'GET',
      url: request.url ?? '/',
      headers: request.headers,
      body,
      sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
    },
    target.routeKey,
  );
  const context = createLambdaContext({ functionName: target.functionName, timeoutMs: 30_000 });
  let result: unknown;
  try {
    result = await invokeLocalHandler(target.handler, event, context);
  } catch (error) {
    // An unhandled error in a Lambda integration is API Gateway's 500.
    target.log(`${target.functionName} threw: ${error instanceof Error ? error.message : String(error)}`);
    return sendJson(response, 500, { message: 'Internal Server Error' });
  }
  writeApiGatewayResult(response, result);
}
