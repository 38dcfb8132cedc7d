import { Readable } from 'node:stream';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import {
  type DownloadUrlOptions,
  MAX_DOWNLOAD_URL_SECONDS,
  ObjectNotFoundError,
  type ObjectStore,
  ObjectStoreError,
  type ObjectUploadUrls,
  type PutObjectInput,
  type StoredObject,
} from '#application/ports/object-store';
import { createS3Client } from './create-s3-client';

export interface S3ObjectStoreConfig {
  bucketName: string;
}

/** Parts of a multipart upload: 8 MiB each, two in flight (a stream of unknown length never sits in memory). */
const PART_SIZE_BYTES = 8 * 1024 * 1024;
const QUEUE_SIZE = 2;

/**
 * `ObjectStore` over one S3 bucket. Puts go through `@aws-sdk/lib-storage`'s `Upload` (one PutObject for a
 * small body, a multipart upload for a large or endless stream); gets stream the body; download URLs are
 * SigV4 presigned GETs, upload URLs presigned PUTs. SDK errors become `ObjectNotFoundError` / `ObjectStoreError`.
 */
export class S3ObjectStore implements ObjectStore, ObjectUploadUrls {
  private readonly client: S3Client;

  constructor(
    private readonly config: S3ObjectStoreConfig,
    client?: S3Client,
  ) {
    this.client = client ?? createS3Client();
  }

  async put(input: PutObjectInput): Promise<void> {
    const body =
      typeof input.body === 'string' || input.body instanceof Uint8Array
        ? input.body
        : Readable.from(input.body);
    try {
      await new Upload({
        client: this.client,
        params: {
          Bucket: this.config.bucketName,
          Key: input.key,
          Body: body,
          ContentType: input.contentType,
          ...(input.filename ? { ContentDisposition: attachment(input.filename) } : {}),
          ...(input.metadata ? { Metadata: input.metadata } : {}),
        },
        partSize: PART_SIZE_BYTES,
        queueSize: QUEUE_SIZE,
        leavePartsOnError: false,
      }).done();
    } catch (error) {
      throw new ObjectStoreError(`could not store ${input.key}: ${nameOf(error)}`, { cause: error });
    }
  }

  async get(key: string): Promise<StoredObject> {
    try {
      const output = await this.client.send(
        new GetObjectCommand({ Bucket: this.config.bucketName, Key: key }),
      );
      if (!output.Body) throw new ObjectStoreError(`empty response for ${key}`);
      return {
        body: output.Body as AsyncIterable<Uint8Array>,
        contentType: output.ContentType ?? 'application/octet-stream',
        contentLength: output.ContentLength ?? 0,
        metadata: output.Metadata ?? {},
      };
    } catch (error) {
      if (error instanceof ObjectStoreError) throw error;
      if (nameOf(error) === 'NoSuchKey' || nameOf(error) === 'NotFound') {
        throw new ObjectNotFoundError(key, { cause: error });
      }
      throw new ObjectStoreError(`could not read ${key}: ${nameOf(error)}`, { cause: error });
    }
  }

  async downloadUrl(key: string, options: DownloadUrlOptions): Promise<string> {
    const expiresIn = validExpiry(options.expiresInSeconds);
    const command = new GetObjectCommand({
      Bucket: this.config.bucketName,
      Key: key,
      ...(options.filename ? { ResponseContentDisposition: attachment(options.filename) } : {}),
    });
    return getSignedUrl(this.client, command, { expiresIn });
  }

  async uploadUrl(key: string, options: { expiresInSeconds: number }): Promise<string> {
    const expiresIn = validExpiry(options.expiresInSeconds);
    // No ContentType in the signature: the uploader's own Content-Type header is stored as sent.
    const command = new PutObjectCommand({ Bucket: this.config.bucketName, Key: key });
    return getSignedUrl(this.client, command, { expiresIn });
  }
}

function validExpiry(seconds: number): number {
  const expiresIn = Math.trunc(seconds);
  if (!(expiresIn >= 1 && expiresIn <= MAX_DOWNLOAD_URL_SECONDS)) {
    throw new RangeError(`a presigned URL lasts 1 to ${MAX_DOWNLOAD_URL_SECONDS} seconds, not ${expiresIn}`);
  }
  return expiresIn;
}

/** `attachment; filename="…"; filename*=UTF-8''…` (ASCII fallback plus the exact UTF-8 name, RFC 6266). */
function attachment(filename: string): string {
  const ascii = filename
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '_');
  return `attachment; filename="${ascii || 'file'}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

function nameOf(error: unknown): string {
  return error instanceof Error ? error.name : String(error);
}
