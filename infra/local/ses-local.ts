import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sesModule from 'aws-ses-v2-local';

/**
 * `aws-ses-v2-local`: an SESv2-compatible server (SendEmail through the real SESv2 client) that keeps what it
 * received, attachments included: a viewer at `/` and JSON at `/store`. Started in-process on a free loopback
 * port.
 */

export interface RunningSesLocal {
  url: string;
  close(): Promise<void>;
}

type StartSes = typeof sesModule;

/** The package is CommonJS with `exports.default`: depending on the loader, the default import is the module. */
const startSesServer: StartSes =
  (sesModule as StartSes & { default?: StartSes }).default ?? (sesModule as StartSes);

export async function startSesLocal(): Promise<RunningSesLocal> {
  const server: Server = await startSesServer({ host: '127.0.0.1', port: 0 });
  const { port } = server.address() as AddressInfo;
  // Start from an empty mailbox (its store lives in the module, and a test process may start twice).
  await fetch(`http://127.0.0.1:${port}/clear-store`, { method: 'POST' });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** An e-mail as `aws-ses-v2-local` keeps it (`/store`); `at` is epoch seconds. */
export interface SesStoredEmail {
  messageId: string;
  at: number;
  from: string;
  destination?: { to?: string[] };
  subject: string;
  body?: { text?: string; html?: string };
  /** The files sent with it, as received (`content` is base64): a test reads a report's PDF from here. */
  attachments?: SesStoredAttachment[];
}

export interface SesStoredAttachment {
  filename?: string;
  contentType: string;
  content: string;
  size: number;
}

/** The bytes of an attachment the local SES server kept. */
export function attachmentBytes(attachment: SesStoredAttachment): Uint8Array {
  return new Uint8Array(Buffer.from(attachment.content, 'base64'));
}

/** Every e-mail the local SES server received, oldest first. */
export async function sesStore(url: string): Promise<SesStoredEmail[]> {
  const response = await fetch(`${url}/store`, { signal: AbortSignal.timeout(3_000) });
  const store = (await response.json()) as { emails?: SesStoredEmail[] };
  return store.emails ?? [];
}
