import * as z from 'zod/mini';
import { createS3Client } from '#adapters/s3/create-s3-client';
import { S3ObjectStore } from '#adapters/s3/s3-object-store';
import type { ObjectStore } from '#application/ports/object-store';
import { type Env, parseEnv } from './process-env';

/**
 * The stack's file bucket for a function that stores or reads raw files: `FILES_BUCKET_NAME` (set with its
 * grant by `infra/constructs/function-access.ts`); locally the SDK's `AWS_ENDPOINT_URL_S3` points the client at
 * the emulator and `S3_FORCE_PATH_STYLE=true` (it answers path-style only). Parsed once, at cold start.
 */

export interface ObjectStoreConfig {
  bucketName: string;
  forcePathStyle: boolean;
}

const environment = z.object({
  FILES_BUCKET_NAME: z.string().check(z.regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/)),
  S3_FORCE_PATH_STYLE: z.optional(z.enum(['true', 'false'])),
});

export function loadObjectStoreConfig(env: Env): ObjectStoreConfig {
  const parsed = parseEnv(environment, env, 'file storage configuration');
  return { bucketName: parsed.FILES_BUCKET_NAME, forcePathStyle: parsed.S3_FORCE_PATH_STYLE === 'true' };
}

/** The `ObjectStore` of a function, built once at module scope. */
export function composeObjectStore(config: ObjectStoreConfig): ObjectStore {
  const client = createS3Client({ forcePathStyle: config.forcePathStyle });
  return new S3ObjectStore({ bucketName: config.bucketName }, client);
}
