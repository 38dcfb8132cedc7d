import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TableRepositories } from '#adapters/dynamodb/table-repositories';
import { optOutContact } from '#application/outbox/opt-out-contact';
import { recordStatusCallback, type StatusCallbackOutcome } from '#application/outbox/record-status-callback';
import type { Clock } from '#application/ports/clock';
import type { IdGenerator } from '#application/ports/id-generator';
import { isOptOutRequest } from '#domain/opt-out';
import { normalizePhone } from '#domain/phone-number';
import { parseWhatsAppWebhook } from '#webhooks/whatsapp/parse-webhook';
import { META_SIGNATURE_HEADER, verifyMetaSignature } from '#webhooks/whatsapp/signature';

/**
 * The outbox's part of IRIS's WhatsApp webhook, on loopback, for the simulator to call: verify Meta's
 * signature, then status callbacks → `recordStatusCallback`; messages → the 24-hour window and, for an
 * opt-out word, `optOutContact`. (The real webhook does the same through `receiveWhatsAppEvents`.)
 */
export interface WebhookStub {
  url: string;
  statuses: StatusCallbackOutcome[];
  optOuts: string[];
  rejectedSignatures: number;
  errors: unknown[];
  stop(): Promise<void>;
}

export async function startWebhookStub(options: {
  appSecret: string;
  tenantId: string;
  persistence: TableRepositories;
  clock: Clock;
  ids: IdGenerator;
}): Promise<WebhookStub> {
  const { persistence, tenantId } = options;
  const stub: WebhookStub = {
    url: '',
    statuses: [],
    optOuts: [],
    rejectedSignatures: 0,
    errors: [],
    stop: async () => {},
  };
  const handle = async (rawBody: Buffer, signature: string | undefined): Promise<number> => {
    if (!verifyMetaSignature(rawBody, signature, [options.appSecret])) {
      stub.rejectedSignatures += 1;
      return 401;
    }
    for (const event of parseWhatsAppWebhook(rawBody)) {
      if (event.kind === 'status') {
        stub.statuses.push(
          await recordStatusCallback(
            { ...persistence, clock: options.clock, ids: options.ids },
            {
              tenantId,
              providerMessageId: event.providerMessageId,
              status: event.status,
              at: new Date(event.timestamp),
              ...(event.errors[0]
                ? { reason: event.errors[0].classification, error: event.errors[0].title }
                : {}),
            },
          ),
        );
      } else if (event.kind === 'message' && event.fromE164) {
        const from = normalizePhone(event.fromE164);
        await persistence.customerWindow.recordInbound(tenantId, from, new Date(event.timestamp));
        if (event.content.type === 'text' && isOptOutRequest(event.content.text)) {
          const result = await optOutContact(
            { ...persistence, clock: options.clock, ids: options.ids },
            { tenantId, phone: from, inboundMessageId: event.messageId },
          );
          stub.optOuts.push(result.outcome);
        }
      }
    }
    return 200;
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const signature = request.headers[META_SIGNATURE_HEADER];
      handle(Buffer.concat(chunks), Array.isArray(signature) ? signature[0] : signature)
        .then((status) => response.writeHead(status).end())
        .catch((error: unknown) => {
          stub.errors.push(error);
          response.writeHead(500).end();
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/whatsapp`;
  stub.stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return stub;
}
