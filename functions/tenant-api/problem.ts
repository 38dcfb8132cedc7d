import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** Errors as RFC 9457 problem details (`application/problem+json`): a type, a title, the status, a detail. */
export function problem(
  status: number,
  title: string,
  detail: string,
  headers: Record<string, string> = {},
  extra: Record<string, unknown> = {},
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/problem+json', ...headers },
    body: JSON.stringify({
      type: `https://iris.dev/problems/${title.toLowerCase().replace(/[^a-z]+/g, '-')}`,
      title,
      status,
      detail,
      ...extra,
    }),
  };
}

export function json(status: number, body: unknown): APIGatewayProxyStructuredResultV2 {
  return { statusCode: status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

export const problems = {
  unauthorized: () =>
    problem(401, 'Unauthorized', 'A valid access token is required.', { 'www-authenticate': 'Bearer' }),
  forbidden: (detail: string) => problem(403, 'Forbidden', detail),
  notFound: (detail: string) => problem(404, 'Not Found', detail),
  noRoute: (method: string, path: string) =>
    problem(404, 'Not Found', `There is no route ${method} ${path}.`),
  methodNotAllowed: (method: string, allowed: string[]) =>
    problem(405, 'Method Not Allowed', `${method} is not allowed here.`, { allow: allowed.join(', ') }),
  badRequest: (detail: string, errors: { path: string; message: string }[] = []) =>
    problem(400, 'Bad Request', detail, {}, errors.length > 0 ? { errors } : {}),
  idempotencyKeyReused: () =>
    problem(
      422,
      'Unprocessable Content',
      'This Idempotency-Key was used with another request body; nothing was done. Use a new key for a new request.',
    ),
  idempotencyInProgress: () =>
    problem(409, 'Conflict', 'A request with this Idempotency-Key is still in progress; retry shortly.', {
      'retry-after': '1',
    }),
  tooManyRequests: (retryAfterSeconds: number) =>
    problem(
      429,
      'Too Many Requests',
      `Too many requests from this member; retry in ${retryAfterSeconds} s.`,
      {
        'retry-after': String(retryAfterSeconds),
      },
    ),
  internal: () => problem(500, 'Internal Server Error', 'Something went wrong; the request can be retried.'),
};
