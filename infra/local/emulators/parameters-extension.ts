import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The AWS Parameters and Secrets Lambda extension's HTTP interface, on loopback: `GET
 * /systemsmanager/parameters/get?name=…&withDecryption=true` with `X-Aws-Parameters-Secrets-Token` set to the
 * function's session token answers `{"Parameter":{"Name","Value",...}}` as SSM's GetParameter does; a missing
 * token is 401, an unknown parameter 400 with SSM's `ParameterNotFound`. What `secret-values.ts` calls in AWS.
 */
export interface ParametersExtension {
  port: number;
  /** How many GETs reached it (the extension caches; the function's code does not). */
  requests: () => number;
  stop: () => Promise<void>;
}

export async function startParametersExtension(options: {
  parameters: Record<string, string>;
  sessionToken: string;
}): Promise<ParametersExtension> {
  let requests = 0;
  const server: Server = createServer((request, response) => {
    requests += 1;
    const url = new URL(request.url ?? '/', 'http://localhost');
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (request.headers['x-aws-parameters-secrets-token'] !== options.sessionToken) {
      answer(401, 'not authorized');
      return;
    }
    if (url.pathname !== '/systemsmanager/parameters/get') {
      answer(404, 'not found');
      return;
    }
    const name = url.searchParams.get('name') ?? '';
    const value = options.parameters[name];
    if (value === undefined) {
      answer(400, `an error occurred (ParameterNotFound) when calling the GetParameter operation: ${name}`);
      return;
    }
    answer(200, {
      Parameter: { Name: name, Type: 'SecureString', Value: value, Version: 1 },
      ResultMetadata: {},
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests: () => requests,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
