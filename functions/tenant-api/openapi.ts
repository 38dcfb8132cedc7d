import * as z from 'zod/mini';
import { Problem } from './api-schemas';
import { IDEMPOTENT_METHODS, type Route } from './route-table';

/**
 * The OpenAPI 3.1 document of the tenant API, generated from the route table's zod/mini schemas with zod's
 * own `toJSONSchema` (OpenAPI 3.1 schemas are JSON Schema 2020-12): no other dependency. Served at
 * `GET /v1/openapi.json`; the contract test validates real responses against it.
 */

type JsonSchema = Record<string, unknown>;

function schemaOf(schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
  }) as JsonSchema;
  return rest;
}

function parametersOf(route: Route): JsonSchema[] {
  const parameters: JsonSchema[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    const json = schemaOf(schema, 'input') as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      parameters.push({
        name,
        in: where,
        required: where === 'path' || (json.required ?? []).includes(name),
        schema: property,
      });
    }
  }
  return parameters;
}

const idempotencyKeyHeader = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Makes a retry safe: the same key with the same body returns the first response (header `idempotent-replayed: true`); with another body 422; while the first is still running 409. Kept 24 hours.',
  schema: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,255}$' },
};

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

function operationOf(route: Route): JsonSchema {
  const responses: Record<string, JsonSchema> = {};
  for (const [status, response] of Object.entries(route.responses)) {
    const mediaType =
      response.mediaType ?? (Number(status) >= 400 ? 'application/problem+json' : 'application/json');
    responses[status] = {
      description: response.description,
      ...(response.schema
        ? { content: { [mediaType]: { schema: schemaOf(response.schema, 'output') } } }
        : {}),
    };
  }
  if (route.streamed) {
    responses['303'] = {
      description:
        'See Other: `Location` is the streaming export URL for this very request with a ticket good for 60 s. Follow it (curl -L, fetch, browsers do); the CSV streams from there, page by page. No Authorization header is needed (or sent on a cross-origin redirect): the ticket carries the member.',
      headers: { Location: { schema: { type: 'string', format: 'uri' } } },
    };
  }
  responses['400'] ??= problemResponse('The request does not match the schema (each issue in `errors`)');
  responses['401'] = problemResponse('No valid access token');
  responses['403'] = problemResponse(`The member's role may not ${route.action.replace('_', ' ')}`);
  if (IDEMPOTENT_METHODS.includes(route.method)) {
    responses['409'] ??= problemResponse('A request with this Idempotency-Key is still in progress');
    responses['422'] = problemResponse('This Idempotency-Key was used with another body');
  }
  return {
    operationId: `${route.method.toLowerCase()}${route.path.replace(/\{(\w+)\}/g, 'By_$1').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
    summary: route.summary,
    tags: [route.tag],
    'x-permission': route.action,
    parameters: [
      ...parametersOf(route),
      ...(IDEMPOTENT_METHODS.includes(route.method) ? [idempotencyKeyHeader] : []),
    ],
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: schemaOf(route.body, 'input') } },
          },
        }
      : {}),
    responses,
  };
}

export function buildOpenApiDocument(routes: readonly Route[]): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, JsonSchema>)[route.method.toLowerCase()] = operationOf(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'IRIS tenant API',
      version: '1.0.0',
      description:
        'Contacts, boletos, payments, ledger and statements of one IRIS tenant. Money is integer centavos (BRL); dates are São Paulo calendar dates (YYYY-MM-DD); phones E.164. Lists are pages: pass `nextCursor` back as `cursor`. Errors are RFC 9457 problem details.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT (Cognito access token; groups = role)' },
      },
      schemas: { Problem: schemaOf(Problem, 'output') },
    },
  };
}

/** The reference page at `/docs`: Scalar's API reference from its CDN, reading `/v1/openapi.json`. */
export const API_REFERENCE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>IRIS tenant API</title>
</head>
<body>
<script id="api-reference" data-url="/v1/openapi.json"></script>
<script src="https://cdn.jsdelivr.net/npm/@scalar/api-reference@1.25.0"></script>
</body>
</html>
`;
