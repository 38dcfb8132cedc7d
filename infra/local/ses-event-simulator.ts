import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CollectionsState } from './collections-state';
import { createLambdaContext, invokeLocalHandler, type LocalLambdaHandler } from './emulators';
import { BadRequestError, parseJsonObject, readBody, sendError, sendJson } from './http-io';
import { functionArn, LOCAL_ACCOUNT_ID, LOCAL_EMAIL, LOCAL_REGION } from './local-cloud-names';
import type { SesStoredEmail } from './ses-local';

/**
 * `POST /_sim/ses/events {"type":"Bounce"|"Complaint"|"Delivery","to":"…","bounceType"?,"at"?}`: what SES
 * would report about the LAST e-mail the local SES server received for `to`, built in the shape the
 * configuration set's EventBridge destination delivers (`source: aws.ses`, the SES event record in `detail`,
 * the message's tags) and handed to the same `email-events` handler the stack's rule invokes. 404 when nothing
 * was sent to that address. The event's time is `at` (ISO-8601) or the virtual clock's now: the same body with
 * the same `at` is the same event again (a replay), without `at` each post is a new event.
 */

export const SIMULATED_SES_EVENT_TYPES = ['Bounce', 'Complaint', 'Delivery'] as const;
export type SimulatedSesEventType = (typeof SIMULATED_SES_EVENT_TYPES)[number];

export interface SesEventRequest {
  type: SimulatedSesEventType;
  to: string;
  bounceType: 'Permanent' | 'Transient';
  at?: Date;
}

const DETAIL_TYPES: Record<SimulatedSesEventType, string> = {
  Bounce: 'Email Bounced',
  Complaint: 'Email Complaint Received',
  Delivery: 'Email Delivered',
};

export function parseSesEventRequest(body: Record<string, unknown>): SesEventRequest {
  const { type, to, bounceType = 'Permanent', at } = body;
  if (typeof type !== 'string' || !(SIMULATED_SES_EVENT_TYPES as readonly string[]).includes(type)) {
    throw new BadRequestError(`type must be one of ${SIMULATED_SES_EVENT_TYPES.join(', ')}`);
  }
  if (typeof to !== 'string' || !to.includes('@')) throw new BadRequestError('to must be an e-mail address');
  if (bounceType !== 'Permanent' && bounceType !== 'Transient') {
    throw new BadRequestError('bounceType must be Permanent (hard) or Transient (soft)');
  }
  if (at !== undefined && (typeof at !== 'string' || Number.isNaN(Date.parse(at)))) {
    throw new BadRequestError('at must be an ISO-8601 instant');
  }
  const unknown = Object.keys(body).filter((key) => !['type', 'to', 'bounceType', 'at'].includes(key));
  if (unknown.length > 0) throw new BadRequestError(`unknown field(s): ${unknown.join(', ')}`);
  return { type: type as SimulatedSesEventType, to, bounceType, ...(at ? { at: new Date(at) } : {}) };
}

/** The EventBridge event SES publishes for `email` (tags as SendEmail set them, plus the configuration set). */
export function sesEventBridgeEvent(input: {
  request: SesEventRequest;
  email: SesStoredEmail;
  tenantId: string;
  outboxId?: string;
  at: Date;
}): Record<string, unknown> {
  const { request, email, at } = input;
  const timestamp = at.toISOString();
  const recipient = request.to.trim().toLowerCase();
  const configurationSet = LOCAL_EMAIL.configurationSet;
  const tags: Record<string, string[]> = {
    'ses:configuration-set': [configurationSet],
    tenant_id: [input.tenantId],
    ...(input.outboxId ? { outbox_id: [input.outboxId] } : {}),
  };
  const mail = {
    timestamp: new Date(email.at * 1000).toISOString(),
    source: email.from,
    messageId: email.messageId,
    destination: email.destination?.to ?? [recipient],
    tags,
  };
  const id = createHash('sha256').update(`${email.messageId}|${request.type}|${timestamp}|${recipient}`);
  return {
    version: '0',
    id: id.digest('hex').slice(0, 36),
    'detail-type': DETAIL_TYPES[request.type],
    source: 'aws.ses',
    account: LOCAL_ACCOUNT_ID,
    time: timestamp,
    region: LOCAL_REGION,
    resources: [`arn:aws:ses:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:configuration-set/${configurationSet}`],
    detail: { eventType: request.type, mail, ...eventPart(request, recipient, timestamp) },
  };
}

function eventPart(request: SesEventRequest, recipient: string, timestamp: string): Record<string, unknown> {
  const feedbackId = `local-${timestamp}`;
  switch (request.type) {
    case 'Bounce':
      return {
        bounce: {
          bounceType: request.bounceType,
          bounceSubType: request.bounceType === 'Permanent' ? 'General' : 'MailboxFull',
          bouncedRecipients: [{ emailAddress: recipient, action: 'failed', status: '5.1.1' }],
          timestamp,
          feedbackId,
        },
      };
    case 'Complaint':
      return {
        complaint: {
          complainedRecipients: [{ emailAddress: recipient }],
          complaintFeedbackType: 'abuse',
          timestamp,
          feedbackId,
        },
      };
    case 'Delivery':
      return {
        delivery: { timestamp, recipients: [recipient], processingTimeMillis: 120, smtpResponse: '250 OK' },
      };
  }
}

export interface SesEventSimulatorBackend {
  collections: CollectionsState;
  handler: LocalLambdaHandler | undefined;
  now(): Date;
  settle(): Promise<{ settled: boolean }>;
}

export async function injectSesEvent(
  request: IncomingMessage,
  response: ServerResponse,
  backend: SesEventSimulatorBackend,
): Promise<void> {
  const parsed = parseSesEventRequest(parseJsonObject(await readBody(request)));
  if (!backend.handler) return sendError(response, 503, 'functions/email-events/handler.ts is not available');
  const last = await backend.collections.lastEmailTo(parsed.to);
  if (!last)
    return sendError(
      response,
      404,
      `no e-mail was sent to ${parsed.to}: nothing to ${parsed.type.toLowerCase()}`,
    );
  const event = sesEventBridgeEvent({ request: parsed, ...last, at: parsed.at ?? backend.now() });
  const result = await invokeLocalHandler(
    backend.handler,
    event,
    createLambdaContext({ functionName: functionArn('email-events') }),
  );
  const { settled } = await backend.settle();
  sendJson(response, 200, { event, result, settled });
}
