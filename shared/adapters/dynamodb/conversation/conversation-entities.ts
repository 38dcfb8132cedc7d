import * as z from 'zod/mini';
import { ENTITY_ATTRIBUTE, type KeyedItem, primaryKey } from '#adapters/dynamodb/keys/entity-keys';
import { itemFields as f, openLabel, parseItem, tagged } from '#adapters/dynamodb/keys/item-schema';
import { attr, key } from '#adapters/dynamodb/keys/key-template';
import { epochSeconds } from '#adapters/dynamodb/keys/time-to-live';
import { IRIS_TABLE } from '#adapters/dynamodb/table-design';
import type {
  InboundContent,
  InboundMessage,
  InboundTreatment,
} from '#application/ports/inbound-message-repository';
import type { OwnerRequest } from '#domain/owner-request';

/**
 * The conversation's items. An inbound message doubles as the WhatsApp message-id guard: it is put with
 * `attribute_not_exists` and lives 30 days (Meta retries for up to 7). Requests keep 90 days of history;
 * the owner's conversation item holds the task token of the waiting execution.
 */
export const INBOUND_MESSAGE_TTL_DAYS = 30;
export const OWNER_REQUEST_TTL_DAYS = 90;

export const InboundMessageEntity = {
  name: 'InboundMessage',
  primary: primaryKey(key('T', attr('tenantId'), 'INBOUND', attr('messageId')), key('INBOUND')),
} as const;

export const OwnerRequestEntity = {
  name: 'OwnerRequest',
  primary: primaryKey(key('T', attr('tenantId'), 'REQUEST', attr('requestId')), key('REQUEST')),
} as const;

export const OwnerConversationEntity = {
  name: 'OwnerConversation',
  primary: primaryKey(key('T', attr('tenantId'), 'CONVERSATION', attr('ownerPhone')), key('CONVERSATION')),
} as const;

function expiresAfterDays(from: string, days: number): number {
  return epochSeconds(new Date(Date.parse(from) + days * 86_400_000));
}

export function toInboundMessageItem(message: InboundMessage): KeyedItem {
  return {
    ...InboundMessageEntity.primary.key(message),
    [ENTITY_ATTRIBUTE]: InboundMessageEntity.name,
    ...message,
    [IRIS_TABLE.timeToLiveAttribute]: expiresAfterDays(message.receivedAt, INBOUND_MESSAGE_TTL_DAYS),
  };
}

const InboundMessageItem = z.looseObject({
  tenantId: f.id(),
  messageId: f.id(),
  from: f.phone(),
  fromUserId: z.optional(f.id()),
  senderRole: z.enum(['owner', 'contact', 'unknown']),
  content: tagged<InboundContent>(),
  treatment: z.optional(openLabel<InboundTreatment>()),
  receivedAt: f.instant(),
  handledAt: z.optional(f.instant()),
  handledBy: z.optional(f.text()),
  resumeToken: z.optional(f.text()),
});

export function fromInboundMessageItem(item: Record<string, unknown>): InboundMessage {
  return parseItem(InboundMessageEntity.name, InboundMessageItem, item);
}

export function toOwnerRequestItem(request: OwnerRequest): KeyedItem {
  return {
    ...OwnerRequestEntity.primary.key(request),
    [ENTITY_ATTRIBUTE]: OwnerRequestEntity.name,
    ...JSON.parse(JSON.stringify(request)),
    [IRIS_TABLE.timeToLiveAttribute]: expiresAfterDays(request.createdAt, OWNER_REQUEST_TTL_DAYS),
  };
}

/**
 * The request's identity, state and the figures a boleto is made of are checked; the conversation's working
 * notes (question, candidates, new contact details, …) pass through as written.
 */
const OwnerRequestItem = z.looseObject({
  tenantId: f.id(),
  requestId: f.id(),
  ownerPhone: f.phone(),
  status: z.enum([
    'collecting',
    'awaiting_confirmation',
    'confirmed',
    'completed',
    'cancelled',
    'expired',
    'failed',
  ]),
  version: f.count(),
  kind: z.optional(openLabel<NonNullable<OwnerRequest['kind']>>()),
  amountCents: z.optional(f.cents()),
  contactId: z.optional(f.id()),
  dueDate: z.optional(f.calendarDate()),
  description: z.optional(f.text()),
  creationAttempt: z.optional(f.count()),
  providerId: z.optional(f.id()),
  boletoId: z.optional(f.id()),
  createdAt: f.instant(),
  updatedAt: f.instant(),
});

export function fromOwnerRequestItem(item: Record<string, unknown>): OwnerRequest {
  return parseItem(OwnerRequestEntity.name, OwnerRequestItem, item);
}

/**
 * The first tap of one button by one sender that reached no waiting conversation (`claimButtonTap`): keyed
 * by a hash of the payload (payloads are free text up to 256 characters), holding the claiming message id.
 */
export const ButtonTapEntity = {
  name: 'ButtonTap',
  primary: primaryKey(
    key('T', attr('tenantId'), 'BUTTON_TAP', attr('sender'), attr('payloadHash')),
    key('TAP'),
  ),
} as const;

export function toButtonTapItem(values: {
  tenantId: string;
  sender: string;
  payloadHash: string;
  messageId: string;
  now: Date;
}): KeyedItem {
  const { now, ...rest } = values;
  return {
    ...ButtonTapEntity.primary.key(values),
    [ENTITY_ATTRIBUTE]: ButtonTapEntity.name,
    ...rest,
    claimedAt: now.toISOString(),
    [IRIS_TABLE.timeToLiveAttribute]: expiresAfterDays(now.toISOString(), INBOUND_MESSAGE_TTL_DAYS),
  };
}
