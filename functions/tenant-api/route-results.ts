import type { RouteResult } from './route-table';

/** A route's answers: JSON, or a problem (RFC 9457) for a foreseen refusal. */
export function ok(status: number, body?: unknown, headers: Record<string, string> = {}): RouteResult {
  return { status, ...(body === undefined ? {} : { body }), headers };
}

export function refuse(status: number, title: string, detail: string): RouteResult {
  return {
    status,
    headers: { 'content-type': 'application/problem+json' },
    body: {
      type: `https://iris.dev/problems/${title.toLowerCase().replace(/[^a-z]+/g, '-')}`,
      title,
      status,
      detail,
    },
  };
}

export const notFound = (what: string) => refuse(404, 'Not Found', `No ${what} with this id.`);
