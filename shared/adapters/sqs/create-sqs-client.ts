import { SQSClient } from '@aws-sdk/client-sqs';

export interface SqsClientConfig {
  region?: string;
  /** The local cloud's SQS endpoint; omit in AWS. */
  endpoint?: string;
  /** Local only: the emulator accepts any credentials. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** One SQS client per function, built at module scope by the composition root. */
export function createSqsClient(config: SqsClientConfig = {}): SQSClient {
  return new SQSClient({
    ...(config.region ? { region: config.region } : {}),
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(config.credentials ? { credentials: config.credentials } : {}),
    requestHandler: { connectionTimeout: 2_000, requestTimeout: 5_000 },
  });
}
