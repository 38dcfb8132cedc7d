import type { Writable } from 'node:stream';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { deps, logger, tickets } from './composition';
import { createExportStreamHandler } from './create-handler';

/** The Node.js Lambda runtime's global for response streaming (not in @types/aws-lambda). */
declare const awslambda: {
  streamifyResponse(
    handler: (event: APIGatewayProxyEventV2, responseStream: Writable) => Promise<void>,
  ): unknown;
  HttpResponseStream: {
    from(stream: Writable, metadata: { statusCode: number; headers: Record<string, string> }): Writable;
  };
};

/** The raw handler (the local cloud serves it by piping the body to its HTTP response). */
export const streamExport = createExportStreamHandler(deps, tickets, logger);

/** Behind the export Function URL (`InvokeMode: RESPONSE_STREAM`). */
export const handler = awslambda.streamifyResponse((event, responseStream) =>
  streamExport(event, (statusCode, headers) =>
    awslambda.HttpResponseStream.from(responseStream, { statusCode, headers }),
  ),
);
