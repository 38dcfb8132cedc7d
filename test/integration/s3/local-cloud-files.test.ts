import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeObjectStore, loadObjectStoreConfig } from '#config/object-store-config';
import { processEnv } from '#config/process-env';
import { type LocalCloud, startLocalCloud } from '#infra/local/start-local-cloud';

let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await startLocalCloud({ port: 0 });
}, 60_000);

afterAll(async () => {
  await cloud?.stop();
});

describe('the local cloud file bucket', () => {
  it('is reached by a function composed from the environment the local cloud gives it', async () => {
    const config = loadObjectStoreConfig(processEnv());
    expect(config).toEqual({ bucketName: cloud.urls.filesBucket, forcePathStyle: true });
    // The client finds the emulator the way every SDK client does locally: AWS_ENDPOINT_URL_<SERVICE>.
    expect(processEnv().AWS_ENDPOINT_URL_S3).toBe(cloud.urls.s3);
    const store = composeObjectStore(config);
    await store.put({
      key: 'outbound/demo/hello.txt',
      body: 'olá',
      contentType: 'text/plain; charset=utf-8',
    });
    const url = await store.downloadUrl('outbound/demo/hello.txt', { expiresInSeconds: 60 });
    expect(url.startsWith(`${cloud.urls.s3}/${cloud.urls.filesBucket}/outbound/demo/hello.txt?`)).toBe(true);
    expect(await (await fetch(url)).text()).toBe('olá');
  });

  it('refuses a configuration without a bucket name', () => {
    expect(() => loadObjectStoreConfig({})).toThrow(/FILES_BUCKET_NAME/);
  });
});
