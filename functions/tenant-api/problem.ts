import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** Errors as RFC 9457 problem details (`application/problem+json`): a type, a title, the status, a detail. */
export function problem(
  status: number,
  title: string,
  detail: string,
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/problem+json', ...headers },
    body: JSON.stringify({
      type: `https://iris.dev/problems/${title.toLowerCase().replace(/[^a-z]+/g, '-')}`,
      title,
      status,
      detail,
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
