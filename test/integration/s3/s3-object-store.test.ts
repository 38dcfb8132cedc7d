import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client } from '#adapters/s3/create-s3-client';
import { S3ObjectStore } from '#adapters/s3/s3-object-store';
import { ObjectNotFoundError, ObjectStoreError } from '#application/ports/object-store';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '#infra/local/local-cloud-names';
import { type RunningS3Local, startS3Local } from '#infra/local/s3-local';

let s3: RunningS3Local;
let store: S3ObjectStore;

beforeAll(async () => {
  s3 = await startS3Local({ bucketName: 'iris-test-files', credentials: LOCAL_CREDENTIALS });
  const client = createS3Client({
    endpoint: s3.endpoint,
    forcePathStyle: true,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  store = new S3ObjectStore({ bucketName: s3.bucketName }, client);
});

afterAll(async () => {
  await s3?.close();
});

async function readAll(body: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** A body of `mebibytes` MiB produced chunk by chunk, never whole in memory. */
async function* generated(mebibytes: number): AsyncIterable<Uint8Array> {
  for (let i = 0; i < mebibytes * 16; i++) yield Buffer.alloc(64 * 1024, i % 251);
}

describe('S3ObjectStore (against the local cloud S3 emulator)', () => {
  it('stores bytes with their content type and metadata and streams them back', async () => {
    await store.put({
      key: 'imports/t1/a.csv',
      body: 'client_id;account_name\nC1;Ação Ltda\n',
      contentType: 'text/csv; charset=utf-8',
      metadata: { sha256: 'abc' },
    });
    const object = await store.get('imports/t1/a.csv');
    expect(object.contentType).toBe('text/csv; charset=utf-8');
    expect(object.metadata).toEqual({ sha256: 'abc' });
    expect((await readAll(object.body)).toString('utf8')).toBe('client_id;account_name\nC1;Ação Ltda\n');
  });

  it('stores a stream of unknown length larger than one part (multipart upload) byte for byte', async () => {
    const expected = createHash('sha256');
    for await (const chunk of generated(17)) expected.update(chunk);
    await store.put({
      key: 'reports/t1/big.bin',
      body: generated(17),
      contentType: 'application/octet-stream',
    });
    const object = await store.get('reports/t1/big.bin');
    expect(object.contentLength).toBe(17 * 1024 * 1024);
    const actual = createHash('sha256');
    for await (const chunk of object.body) actual.update(chunk);
    expect(actual.digest('hex')).toBe(expected.digest('hex'));
  });

  it('gives a download URL that serves the object as an attachment, and refuses absurd lifetimes', async () => {
    await store.put({
      key: 'reports/t1/r.pdf',
      body: Buffer.from('%PDF-1.4 fake'),
      contentType: 'application/pdf',
    });
    const url = await store.downloadUrl('reports/t1/r.pdf', {
      expiresInSeconds: 300,
      filename: 'relatório.pdf',
    });
    expect(url).toContain('X-Amz-Signature=');
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('%PDF-1.4 fake');
    expect(response.headers.get('content-disposition')).toContain("filename*=UTF-8''relat%C3%B3rio.pdf");
    await expect(store.downloadUrl('reports/t1/r.pdf', { expiresInSeconds: 8 * 24 * 3600 })).rejects.toThrow(
      RangeError,
    );
  });

  it('says ObjectNotFoundError for a missing key', async () => {
    await expect(store.get('imports/t1/missing.csv')).rejects.toBeInstanceOf(ObjectNotFoundError);
  });

  it('says ObjectStoreError when the bucket does not exist', async () => {
    const other = new S3ObjectStore(
      { bucketName: 'no-such-bucket' },
      createS3Client({
        endpoint: s3.endpoint,
        forcePathStyle: true,
        region: LOCAL_REGION,
        credentials: LOCAL_CREDENTIALS,
      }),
    );
    await expect(other.put({ key: 'x', body: 'x', contentType: 'text/plain' })).rejects.toBeInstanceOf(
      ObjectStoreError,
    );
  });
});
