import { S3Client } from '@aws-sdk/client-s3';

export interface S3ClientConfig {
  region?: string;
  /** The local cloud's S3 emulator; omit in AWS (the SDK's `AWS_ENDPOINT_URL_S3` works too). */
  endpoint?: string;
  /** Path-style addressing (`<endpoint>/<bucket>/<key>`): the emulator serves only that. */
  forcePathStyle?: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** One S3 client per function, built at module scope; the SDK's standard retry handles throttling. */
export function createS3Client(config: S3ClientConfig = {}): S3Client {
  return new S3Client({
    ...(config.region ? { region: config.region } : {}),
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(config.credentials ? { credentials: config.credentials } : {}),
    forcePathStyle: config.forcePathStyle ?? false,
    requestHandler: { connectionTimeout: 2_000, requestTimeout: 30_000 },
  });
}
