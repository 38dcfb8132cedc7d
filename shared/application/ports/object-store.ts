/**
 * Port: the stack's object storage for raw files (imported spreadsheets, error reports, PDF reports). The
 * production adapter is S3 (`shared/adapters/s3`); the local cloud points the same adapter at an S3 emulator.
 *
 * Keys are the caller's (`imports/<tenant>/<hash>.csv`): the store adds no prefix and never lists. Bodies go
 * in and out as streams, so a file is never held whole in memory.
 */

export type ObjectBody = Uint8Array | string | AsyncIterable<Uint8Array>;

export interface PutObjectInput {
  key: string;
  body: ObjectBody;
  /** MIME type, e.g. `text/csv; charset=utf-8`, `application/pdf`. */
  contentType: string;
  /** Shown as the file name when the object is downloaded through a URL. */
  filename?: string;
  /** Small string metadata kept with the object (S3 user metadata: ASCII names and values). */
  metadata?: Record<string, string>;
}

export interface StoredObject {
  /** The bytes, streamed: read once. */
  body: AsyncIterable<Uint8Array>;
  contentType: string;
  contentLength: number;
  metadata: Record<string, string>;
}

export interface DownloadUrlOptions {
  /** How long the URL works (1 second to 7 days). */
  expiresInSeconds: number;
  /** Suggested file name for the download (`Content-Disposition: attachment`). */
  filename?: string;
}

export interface ObjectStore {
  /** Stores the object (replaces any object under the key). Resolves once it is durably stored. */
  put(input: PutObjectInput): Promise<void>;
  /** Streams the object; `ObjectNotFoundError` if there is none under the key. */
  get(key: string): Promise<StoredObject>;
  /** A time-limited HTTPS GET URL for the object (anyone holding it can download until it expires). */
  downloadUrl(key: string, options: DownloadUrlOptions): Promise<string>;
}

/** Uploads straight to the store, for a client that should not send the bytes through a function. */
export interface ObjectUploadUrls {
  /**
   * A time-limited HTTPS PUT URL that stores the request's body under the key (anyone holding it can upload
   * until it expires; a second PUT replaces the object). The caller's Content-Type is kept as sent.
   */
  uploadUrl(key: string, options: { expiresInSeconds: number }): Promise<string>;
}

export class ObjectNotFoundError extends Error {
  constructor(
    readonly key: string,
    options?: { cause?: unknown },
  ) {
    super(`no object under ${key}`, options);
    this.name = 'ObjectNotFoundError';
  }
}

/** Storage unavailable or refused the request (after the SDK's own retries): the caller may retry later. */
export class ObjectStoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ObjectStoreError';
  }
}

/** Largest validity of a download URL (SigV4 presigned URLs stop at 7 days). */
export const MAX_DOWNLOAD_URL_SECONDS = 7 * 24 * 3600;
