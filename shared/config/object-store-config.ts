import * as z from 'zod/mini';
import type { ObjectStore, ObjectUploadUrls } from '#application/ports/object-store';
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

/**
 * The `ObjectStore` of a function, built once at module scope. The S3 client, its upload helper and presigner
 * load on the first call, not at init: conversation-steps needs them only when an owner sends a spreadsheet,
 * and evaluating them costs every cold start (docs/decisions.md, "Performance").
 */
export function composeObjectStore(config: ObjectStoreConfig): ObjectStore & ObjectUploadUrls {
  let loading: Promise<ObjectStore & ObjectUploadUrls> | undefined;
  const store = (): Promise<ObjectStore & ObjectUploadUrls> => {
    loading ??= Promise.all([import('#adapters/s3/s3-object-store'), import('#adapters/s3/create-s3-client')])
      .then(
        ([{ S3ObjectStore }, { createS3Client }]) =>
          new S3ObjectStore(
            { bucketName: config.bucketName },
            createS3Client({ forcePathStyle: config.forcePathStyle }),
          ),
      )
      .catch((error: unknown) => {
        loading = undefined;
        throw error;
      });
    return loading;
  };
  return {
    put: async (input) => (await store()).put(input),
    get: async (key) => (await store()).get(key),
    downloadUrl: async (key, options) => (await store()).downloadUrl(key, options),
    uploadUrl: async (key, options) => (await store()).uploadUrl(key, options),
  };
}
