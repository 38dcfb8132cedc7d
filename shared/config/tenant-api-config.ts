import * as z from 'zod/mini';
import { FollowUpConfigError } from './follow-up-env';
import type { Env } from './process-env';

export interface TenantApiConfig {
  tenantId: string;
  tableName: string;
  /** The local cloud's endpoint; absent in AWS. */
  dynamoDbEndpoint?: string;
}

const schema = z.object({
  IRIS_TENANT_ID: z.string().check(z.minLength(1)),
  TABLE_NAME: z.string().check(z.minLength(1)),
  DYNAMODB_ENDPOINT: z.optional(z.string().check(z.regex(/^https?:\/\/\S+$/))),
});

/** `functions/tenant-api`: the tenant it serves (one stack, one tenant, one user pool) and the table. */
export function loadTenantApiConfig(env: Env): TenantApiConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new FollowUpConfigError(`tenant API configuration: ${z.prettifyError(parsed.error)}`);
  }
  return {
    tenantId: parsed.data.IRIS_TENANT_ID,
    tableName: parsed.data.TABLE_NAME,
    ...(parsed.data.DYNAMODB_ENDPOINT ? { dynamoDbEndpoint: parsed.data.DYNAMODB_ENDPOINT } : {}),
  };
}
