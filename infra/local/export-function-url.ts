import type { IncomingMessage, ServerResponse } from 'node:http';
import { toApiGatewayEvent } from './api-gateway-event';
import { createLambdaContext, type LocalLambdaHandler } from './emulators';
import { isStreamingHandler, LocalResponseStream } from './emulators/lambda-response-streaming';
import { readBody, sendJson } from './http-io';
import { functionArn } from './local-cloud-names';

/**
 * The export function's Function URL (`InvokeMode: RESPONSE_STREAM`), locally: `<api>/_exports/<path>` is
 * `https://<id>.lambda-url.<region>.on.aws/<path>`. The request becomes the Function URL event (payload 2.0),
 * and the production handler writes its body to a stream piped, chunk by chunk, to this HTTP response.
 */
export const LOCAL_EXPORT_URL_PREFIX = '/_exports';

export async function invokeExportFunctionUrl(
  request: IncomingMessage,
  response: ServerResponse,
  handler: LocalLambdaHandler | undefined,
  log: (line: string) => void,
): Promise<void> {
  const body = await readBody(request);
  if (!isStreamingHandler(handler))
    return sendJson(response, 503, { message: 'functions/tenant-exports/handler.ts is not available' });
  const event = toApiGatewayEvent(
    {
      method: request.method ?? 'GET',
      url: (request.url ?? '/').slice(LOCAL_EXPORT_URL_PREFIX.length) || '/',
      headers: request.headers,
      body,
      sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
    },
    '$default',
  );
  const stream = new LocalResponseStream(response);
  const context = createLambdaContext({ functionName: functionArn('tenant-exports'), timeoutMs: 900_000 });
  try {
    await handler(event, stream, context);
    if (!stream.writableEnded && !stream.destroyed) stream.end();
  } catch (error) {
    log(`tenant-exports threw: ${error instanceof Error ? error.message : String(error)}`);
    if (!response.headersSent) sendJson(response, 502, { message: 'Internal Server Error' });
    else response.destroy();
  }
}
