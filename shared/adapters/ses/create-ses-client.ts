import { SESv2Client } from '@aws-sdk/client-sesv2';

export interface SesClientConfig {
  region?: string;
  /** `aws-ses-v2-local` in the local cloud; omit in AWS. */
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** One SESv2 client per function, built at module scope; the SDK's standard retry handles brief throttling. */
export function createSesClient(config: SesClientConfig = {}): SESv2Client {
  return new SESv2Client({
    ...(config.region ? { region: config.region } : {}),
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(config.credentials ? { credentials: config.credentials } : {}),
    requestHandler: { connectionTimeout: 2_000, requestTimeout: 8_000 },
  });
}
