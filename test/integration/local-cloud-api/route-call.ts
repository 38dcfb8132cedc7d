/** What a documented route answered: status, body as text and as JSON (when it is JSON), headers. */
export interface RouteAnswer {
  status: number;
  text: string;
  json: Record<string, unknown> | undefined;
  headers: Headers;
}

/** Calls a route of the local cloud at `apiUrl()` as a client would (JSON body when given). */
export function routeCaller(apiUrl: () => string) {
  return async function call(
    method: string,
    path: string,
    init: { body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<RouteAnswer> {
    const response = await fetch(`${apiUrl()}${path}`, {
      method,
      headers: {
        ...(init.body !== undefined && { 'content-type': 'application/json' }),
        ...init.headers,
      },
      ...(init.body !== undefined && {
        body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
      }),
    });
    const text = await response.text();
    let json: Record<string, unknown> | undefined;
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      json = undefined;
    }
    return { status: response.status, text, json, headers: response.headers };
  };
}

/** A list field of a JSON answer (fails the test when it is missing). */
export function listOf<T = Record<string, unknown>>(
  answer: { json?: Record<string, unknown> },
  field: string,
): T[] {
  const value = answer.json?.[field];
  if (!Array.isArray(value))
    throw new Error(`the answer has no list ${field}: ${JSON.stringify(answer.json)}`);
  return value as T[];
}
