import * as z from 'zod/mini';
import { createS3Client } from '#adapters/s3/create-s3-client';
import { S3ObjectStore } from '#adapters/s3/s3-object-store';
import type { ObjectStore } from '#application/ports/object-store';
import type { Env } from './process-env';

/**
 * The stack's file bucket for a function that stores or reads raw files: `FILES_BUCKET_NAME` (set with its
 * grant by `infra/constructs/function-access.ts`), and locally `S3_ENDPOINT` + `S3_FORCE_PATH_STYLE=true`
 * (the emulator answers path-style only). Parsed once, at cold start.
 */

export interface ObjectStoreConfig {
  bucketName: string;
  endpoint?: string;
  forcePathStyle: boolean;
}

export class ObjectStoreConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ObjectStoreConfigurationError';
  }
}

const schema = z.object({
  FILES_BUCKET_NAME: z.string().check(z.regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/)),
  S3_ENDPOINT: z.optional(z.string().check(z.regex(/^https?:\/\/\S+$/))),
  S3_FORCE_PATH_STYLE: z.optional(z.enum(['true', 'false'])),
});

export function loadObjectStoreConfig(env: Env): ObjectStoreConfig {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ObjectStoreConfigurationError(`file storage configuration: ${z.prettifyError(result.error)}`);
  }
  return {
    bucketName: result.data.FILES_BUCKET_NAME,
    ...(result.data.S3_ENDPOINT ? { endpoint: result.data.S3_ENDPOINT } : {}),
    forcePathStyle: result.data.S3_FORCE_PATH_STYLE === 'true',
  };
}

/** The `ObjectStore` of a function, built once at module scope. */
export function composeObjectStore(config: ObjectStoreConfig): ObjectStore {
  const client = createS3Client({
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    forcePathStyle: config.forcePathStyle,
  });
  return new S3ObjectStore({ bucketName: config.bucketName }, client);
}
