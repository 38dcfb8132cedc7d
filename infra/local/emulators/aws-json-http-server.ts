import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AwsServiceError } from './aws-service-error';

/**
 * A loopback HTTP server speaking the AWS JSON 1.0 protocol: `POST /` with `X-Amz-Target: <Prefix>.<Operation>`
 * and a JSON body; answers `application/x-amz-json-1.0`, errors as `{ "__type": "<namespace>#<Code>", "message" }`.
 * Requests are not authenticated (any SigV4 signature is accepted): only loopback can reach it.
 */

export type AwsJsonOperation = (
  input: Record<string, unknown>,
  signal: AbortSignal,
) => Promise<unknown> | unknown;

export interface AwsJsonServerOptions {
  /** `AWSStepFunctions`, `AmazonSQS`... */
  targetPrefix: string;
  /** `com.amazonaws.states`, `com.amazonaws.sqs`... */
  errorNamespace: string;
  operations: Record<string, AwsJsonOperation>;
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Called with the endpoint once listening, before the promise resolves (e.g. to build queue URLs). */
  onListening?: (endpoint: string) => void;
}

export interface LocalHttpServer {
  readonly server: Server;
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string;
  readonly port: number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1_048_576 * 2;

export async function startAwsJsonServer(options: AwsJsonServerOptions): Promise<LocalHttpServer> {
  const shutdown = new AbortController();
  const server = createServer((request, response) => {
    handle(options, request, response, shutdown.signal).catch((error: unknown) => {
      writeError(response, options.errorNamespace, toServiceError(error));
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://${host}:${port}`;
  options.onListening?.(endpoint);
  return {
    server,
    endpoint,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        shutdown.abort();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function handle(
  options: AwsJsonServerOptions,
  request: IncomingMessage,
  response: ServerResponse,
  shutdown: AbortSignal,
): Promise<void> {
  const target = String(request.headers['x-amz-target'] ?? '');
  const [prefix, operationName] = target.split('.');
  const operation = operationName ? options.operations[operationName] : undefined;
  if (request.method !== 'POST' || prefix !== options.targetPrefix || !operation) {
    await readBody(request);
    throw new AwsServiceError('UnknownOperationException', `Unsupported operation: ${target || '(none)'}`);
  }
  const raw = await readBody(request);
  let input: unknown;
  try {
    input = raw.length === 0 ? {} : JSON.parse(raw);
  } catch (error) {
    throw new AwsServiceError('SerializationException', 'Request body is not valid JSON', { cause: error });
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new AwsServiceError('SerializationException', 'Request body must be a JSON object');
  }
  const aborted = new AbortController();
  const abort = () => aborted.abort();
  response.once('close', abort);
  shutdown.addEventListener('abort', abort, { once: true });
  try {
    const output = await operation(input as Record<string, unknown>, aborted.signal);
    writeJson(response, 200, output ?? {});
  } finally {
    response.off('close', abort);
    shutdown.removeEventListener('abort', abort);
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => {
      if (size > MAX_BODY_BYTES)
        reject(new AwsServiceError('RequestEntityTooLarge', 'Request body too large'));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });
}

function toServiceError(error: unknown): AwsServiceError {
  if (error instanceof AwsServiceError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new AwsServiceError('InternalFailure', message, { status: 500, cause: error });
}

function writeError(response: ServerResponse, namespace: string, error: AwsServiceError): void {
  if (response.headersSent || response.destroyed) return;
  if (error.queryErrorCode) {
    response.setHeader(
      'x-amzn-query-error',
      `${error.queryErrorCode};${error.status >= 500 ? 'Receiver' : 'Sender'}`,
    );
  }
  response.setHeader('x-amzn-errortype', error.code);
  writeJson(response, error.status, { __type: `${namespace}#${error.code}`, message: error.message });
}

function writeJson(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent || response.destroyed) return;
  const payload = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/x-amz-json-1.0',
    'content-length': Buffer.byteLength(payload),
    'x-amzn-requestid': randomUUID(),
  });
  response.end(payload);
}
