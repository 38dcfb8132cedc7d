import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** JSON responses with a message a person understands; never an internal error's details. */
export function jsonResponse(
  statusCode: number,
  body: Record<string, unknown>,
): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

export function textResponse(statusCode: number, body: string): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: { 'content-type': 'text/plain; charset=utf-8' }, body };
}

export const httpErrors = {
  unauthorized: (message: string) => jsonResponse(401, { error: 'unauthorized', message }),
  forbidden: (message: string) => jsonResponse(403, { error: 'forbidden', message }),
  badRequest: (message: string) => jsonResponse(400, { error: 'bad_request', message }),
  tooLarge: (limit: number) =>
    jsonResponse(413, { error: 'payload_too_large', message: `The body is larger than ${limit} bytes.` }),
  methodNotAllowed: () => jsonResponse(405, { error: 'method_not_allowed', message: 'Use GET or POST.' }),
  internal: () =>
    jsonResponse(500, {
      error: 'internal_error',
      message: 'Something went wrong; the request can be retried.',
    }),
};
