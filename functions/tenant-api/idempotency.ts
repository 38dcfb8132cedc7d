import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  IdempotencyValidationError,
  makeIdempotent,
} from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';
import type { RouteResult } from './route-table';

/**
 * `Idempotency-Key` on POST, with Powertools idempotency on the stack's table: the record's key is
 * `pk = T#<tenant>#IDEMPOTENCY`, `sk = <function>#<hash of [key, method, path]>` (no other item has that
 * partition), the hash of the request body is kept to refuse the same key with another body, and the record
 * expires (table TTL `expiresAt`) after 24 hours.
 *
 * - same key, same body → the first response, replayed (`idempotent-replayed: true`);
 * - same key, different body → 422;
 * - same key while the first request is still running → 409.
 * A request that failed unexpectedly (500) leaves no record: it can be retried with the same key.
 */

export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_.:-]{1,255}$/;

export interface IdempotentRequest {
  key: string;
  method: string;
  path: string;
  /** The request's JSON body as sent (`null` without one): its hash is checked on a replay. */
  body: unknown;
}

export type IdempotencyOutcome =
  | { kind: 'done'; result: RouteResult }
  | { kind: 'body_mismatch' }
  | { kind: 'in_progress' };

export type IdempotentRunner = (
  request: IdempotentRequest,
  work: () => Promise<RouteResult>,
  /** The invocation's context: an in-progress record expires with the invocation (a crashed one frees its key). */
  context?: Context,
) => Promise<IdempotencyOutcome>;

export function createIdempotentRunner(options: {
  tableName: string;
  tenantId: string;
  client?: DynamoDBClient;
}): IdempotentRunner {
  const persistenceStore = new DynamoDBPersistenceLayer({
    tableName: options.tableName,
    keyAttr: 'pk',
    sortKeyAttr: 'sk',
    staticPkValue: `T#${options.tenantId}#IDEMPOTENCY`,
    expiryAttr: 'expiresAt',
    ...(options.client ? { awsSdkV3Client: options.client } : {}),
  });
  const config = new IdempotencyConfig({
    eventKeyJmesPath: '[key, method, path]',
    payloadValidationJmesPath: 'body',
    expiresAfterSeconds: IDEMPOTENCY_TTL_SECONDS,
    responseHook: (response) => {
      const result = response as unknown as RouteResult;
      return { ...result, headers: { ...result.headers, 'idempotent-replayed': 'true' } } as never;
    },
  });
  const run = makeIdempotent(
    async (_request: IdempotentRequest, work: () => Promise<RouteResult>) => work(),
    { persistenceStore, config, dataIndexArgument: 0 },
  );
  return async (request, work, context) => {
    if (context) config.registerLambdaContext(context);
    try {
      return { kind: 'done', result: await run(request, work) };
    } catch (error) {
      if (error instanceof IdempotencyValidationError) return { kind: 'body_mismatch' };
      if (error instanceof IdempotencyAlreadyInProgressError) return { kind: 'in_progress' };
      throw error;
    }
  };
}
