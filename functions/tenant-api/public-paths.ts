/**
 * The tenant API's two routes without a token (GET only): the OpenAPI document and its reference page. The
 * stack routes them without the JWT authorizer; the local gateway lets them through the same way.
 */
export const OPENAPI_PATH = '/v1/openapi.json';
export const DOCS_PATH = '/docs';
export const PUBLIC_PATHS: readonly string[] = [OPENAPI_PATH, DOCS_PATH];
