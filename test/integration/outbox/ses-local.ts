import type { AddressInfo } from 'node:net';
import startSesLocal from 'aws-ses-v2-local';

/** What `aws-ses-v2-local` lists at `GET /store` for each e-mail it received. */
export interface StoredEmail {
  messageId: string;
  from: string;
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { html?: string; text?: string };
  /** `content` is base64. */
  attachments: Array<{ filename?: string; contentType: string; content: string; size: number }>;
  at: number;
}

export interface SesLocal {
  endpoint: string;
  emails(): Promise<StoredEmail[]>;
  stop(): Promise<void>;
}

/** Starts `aws-ses-v2-local` (an SESv2-compatible server) on 127.0.0.1, any free port. */
export async function startSesServer(): Promise<SesLocal> {
  const server = await startSesLocal({ host: '127.0.0.1', port: 0 });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  await fetch(`${endpoint}/clear-store`, { method: 'POST' });
  return {
    endpoint,
    emails: async () => {
      const response = await fetch(`${endpoint}/store`);
      const body = (await response.json()) as { emails: StoredEmail[] };
      return body.emails;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
