import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/**
 * A stand-in for API Gateway (HTTP API, payload 2.0) on 127.0.0.1: turns each HTTP request into the event the
 * Lambda would get (headers lower-cased, body base64) and answers with the handler's result.
 */
export type ApiHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

export function apiGatewayEventOf(
  request: { method: string; path: string; headers: Record<string, string | undefined> },
  body: Buffer,
): APIGatewayProxyEventV2 {
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value]),
  ) as Record<string, string>;
  return {
    version: '2.0',
    routeKey: `${request.method} ${request.path}`,
    rawPath: request.path,
    rawQueryString: '',
    headers,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: '127.0.0.1',
      domainPrefix: 'local',
      http: {
        method: request.method,
        path: request.path,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: `${request.method} ${request.path}`,
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    body: body.toString('base64'),
    isBase64Encoded: true,
  };
}

export async function startApiGateway(handler: ApiHandler) {
  const server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const event = apiGatewayEventOf(
        {
          method: request.method ?? 'GET',
          path: new URL(request.url ?? '/', 'http://127.0.0.1').pathname,
          headers: request.headers as Record<string, string | undefined>,
        },
        Buffer.concat(chunks),
      );
      handler(event).then(
        (result) => {
          response.writeHead(result.statusCode ?? 200, (result.headers ?? {}) as Record<string, string>);
          response.end(result.body ?? '');
        },
        () => {
          response.writeHead(502).end();
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/paytime`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
