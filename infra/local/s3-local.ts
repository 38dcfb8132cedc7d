import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';

/**
 * `s3rver`: an S3 emulator (PutObject, multipart uploads, GetObject, presigned GETs) started in-process on a
 * free loopback port, path-style, with the stack's file bucket already created. It keeps objects in a temporary
 * directory removed on close (the local cloud's state lives as long as the process, like everything else).
 *
 * s3rver checks SigV4 signatures against its own key registry (only `S3RVER` by default): the local cloud's
 * credentials are registered so the production S3 client, unchanged, signs requests it accepts.
 */

export interface RunningS3Local {
  endpoint: string;
  bucketName: string;
  close(): Promise<void>;
}

/** The parts of s3rver (CommonJS, no type declarations) the local cloud uses. */
interface S3rverAccount {
  createKeyPair(accessKeyId: string, secretAccessKey: string): void;
}
interface S3rverServer {
  httpServer?: Server;
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverConstructor = new (options: Record<string, unknown>) => S3rverServer;

const require = createRequire(import.meta.url);

export async function startS3Local(options: {
  bucketName: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}): Promise<RunningS3Local> {
  const S3rver = require('s3rver') as S3rverConstructor;
  const account = require('s3rver/lib/models/account') as { DUMMY_ACCOUNT: S3rverAccount };
  account.DUMMY_ACCOUNT.createKeyPair(options.credentials.accessKeyId, options.credentials.secretAccessKey);
  const directory = await mkdtemp(join(tmpdir(), 'iris-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    resetOnClose: true,
    vhostBuckets: false,
    configureBuckets: [{ name: options.bucketName, configs: [] }],
  });
  const address = await server.run();
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    bucketName: options.bucketName,
    close: async () => {
      const closed = server.close();
      server.httpServer?.closeAllConnections();
      await closed;
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/**
 * What Step Functions' ItemReader does with `s3:getObject`, locally: streams an object of the local S3 (the
 * Distributed Map emulation reads the import's normalised CSV through it).
 */
export function localObjectReader(
  endpoint: string,
  credentials: { accessKeyId: string; secretAccessKey: string },
): (bucket: string, key: string) => Promise<AsyncIterable<Uint8Array>> {
  const client = new S3Client({ endpoint, forcePathStyle: true, region: 'us-east-1', credentials });
  return async (bucket, key) => {
    const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    if (!answer.Body) throw new Error(`s3://${bucket}/${key} has no body`);
    return answer.Body as AsyncIterable<Uint8Array>;
  };
}
