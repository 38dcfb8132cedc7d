import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRecord, readJson, sendJson } from '#simulators/http-io';
import { parseFaultRequest } from './fault-queue';
import { parseSimulatedInbound } from './inbound-messages';
import type { WhatsAppSimulatorEngine } from './simulator-engine';

/**
 * Test and console controls under `/_sim/whatsapp/`: make a user send something, read what IRIS sent,
 * inject faults, emit status callbacks, move the clock, point the webhooks somewhere.
 */

const STATUSES = new Set(['sent', 'delivered', 'read', 'failed']);

export async function handleControl(
  engine: WhatsAppSimulatorEngine,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): Promise<boolean> {
  const route = `${request.method} ${url.pathname}`;
  switch (route) {
    case 'POST /_sim/whatsapp/inbound': {
      const input = parseSimulatedInbound(await readJson(request));
      if (typeof input === 'string') return badRequest(response, input);
      try {
        sendJson(response, 200, await engine.sendInbound(input));
      } catch (error) {
        badRequest(response, error instanceof Error ? error.message : String(error));
      }
      return true;
    }
    case 'GET /_sim/whatsapp/outbound': {
      const to = url.searchParams.get('to');
      if (!to) return badRequest(response, 'query parameter to is required');
      sendJson(response, 200, { to, messages: engine.outboundTo(to) });
      return true;
    }
    case 'GET /_sim/whatsapp/conversation': {
      const other = url.searchParams.get('with');
      if (!other) return badRequest(response, "query parameter 'with' is required");
      sendJson(response, 200, { with: other, messages: engine.conversation(other) });
      return true;
    }
    case 'POST /_sim/whatsapp/faults': {
      const body = await readJson(request);
      const parsed = isRecord(body) ? parseFaultRequest(body) : 'body must be a JSON object';
      if (typeof parsed === 'string') return badRequest(response, parsed);
      if (parsed.target === 'webhook') engine.failNextWebhooks(parsed.fault, parsed.count);
      else engine.sendFaults.add(parsed.fault, parsed.count);
      sendJson(response, 200, {
        pendingSendFaults: engine.sendFaults.pending(),
        pendingWebhookFaults: engine.webhooks.faults.pending(),
      });
      return true;
    }
    case 'DELETE /_sim/whatsapp/faults':
      engine.sendFaults.clear();
      engine.webhooks.faults.clear();
      sendJson(response, 200, { pendingSendFaults: 0, pendingWebhookFaults: 0 });
      return true;
    case 'POST /_sim/whatsapp/status': {
      const body = await readJson(request);
      if (!isRecord(body) || typeof body.messageId !== 'string' || !STATUSES.has(String(body.status))) {
        return badRequest(response, 'give messageId and status (sent, delivered, read or failed)');
      }
      const errorCode = body.errorCode === undefined ? undefined : Number(body.errorCode);
      try {
        const status = body.status as 'sent' | 'delivered' | 'read' | 'failed';
        sendJson(response, 200, await engine.emitStatus({ messageId: body.messageId, status, errorCode }));
      } catch (error) {
        sendJson(response, 404, { error: error instanceof Error ? error.message : String(error) });
      }
      return true;
    }
    case 'GET /_sim/whatsapp/clock':
      sendJson(response, 200, { nowMs: engine.clock.nowMs() });
      return true;
    case 'POST /_sim/whatsapp/clock': {
      const body = await readJson(request);
      if (isRecord(body) && Number.isFinite(body.nowMs)) engine.clock.set(body.nowMs as number);
      else if (isRecord(body) && Number.isFinite(body.advanceMs))
        engine.clock.advance(body.advanceMs as number);
      else return badRequest(response, 'give nowMs or advanceMs (milliseconds)');
      sendJson(response, 200, { nowMs: engine.clock.nowMs() });
      return true;
    }
    case 'POST /_sim/whatsapp/webhook': {
      const body = await readJson(request);
      if (!isRecord(body) || typeof body.url !== 'string') return badRequest(response, 'give url');
      engine.webhooks.webhookUrl = body.url;
      sendJson(response, 200, { webhookUrl: body.url });
      return true;
    }
    case 'GET /_sim/whatsapp/webhooks':
      sendJson(response, 200, { webhooks: engine.webhooksSent() });
      return true;
    case 'POST /_sim/whatsapp/reset':
      engine.reset();
      sendJson(response, 200, { reset: true });
      return true;
    default:
      return false;
  }
}

function badRequest(response: ServerResponse, message: string): true {
  sendJson(response, 400, { error: message });
  return true;
}
