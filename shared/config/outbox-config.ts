import * as z from 'zod/mini';
import { DELIVERY_QUEUE_SETTINGS } from '#adapters/sqs/delivery-queue-settings';
import type { DeliverySettings } from '#application/outbox/deliver-outbox-message';
import type { GenericTemplate, WhatsAppDispatchSettings } from '#application/outbox/whatsapp-dispatcher';
import type { OutboxMessageKind } from '#domain/outbox-message';
import { ConfigurationError, type Env, httpUrl, nonEmpty, parseEnv } from './process-env';
import { readSecret } from './secret-values';

/**
 * Configuration of the outbox relay and the delivery functions: parsed and validated once, at cold start, from
 * the environment the CDK stack (or the local cloud) sets. Nothing else in the outbox reads `process.env`.
 */

const optionalText = z.optional(nonEmpty());

/** Delivery rules not (yet) in the tenant's profile; the decisions behind them are in docs/decisions.md. */
export const DEFAULT_DELIVERY_SETTINGS: DeliverySettings = {
  staleClaimSeconds: 2 * DELIVERY_QUEUE_SETTINGS.functionTimeoutSeconds,
  maxAttempts: 6,
  tenantDailyContactMessageLimit: 2_000,
  defaultMaxMessagesPerContactPerDay: 3,
  defaultReminderWindow: { startHour: 8, endHour: 20, weekdays: [1, 2, 3, 4, 5, 6] },
};

/** One approved utility template with a single body parameter ({{1}} = the message text), per kind. */
const GENERIC_TEMPLATE: GenericTemplate = { name: 'iris_aviso', languageCode: 'pt_BR' };
const ALL_KINDS: OutboxMessageKind[] = [
  'owner_reply',
  'boleto_to_contact',
  'reminder',
  'payment_received',
  'delivery_failed',
  'collection_email',
  'contact_opted_out',
  'opt_out_confirmation',
  'payer_reply',
];

export const DEFAULT_WHATSAPP_DISPATCH_SETTINGS: WhatsAppDispatchSettings = {
  windowSafetyMarginMs: 10 * 60_000,
  genericTemplates: Object.fromEntries(ALL_KINDS.map((kind) => [kind, GENERIC_TEMPLATE])),
};

export interface OutboxRelayConfig {
  whatsAppQueueUrl: string;
  emailQueueUrl: string;
}

export function loadOutboxRelayConfig(env: Env): OutboxRelayConfig {
  const parsed = parseEnv(
    z.object({ WHATSAPP_QUEUE_URL: httpUrl(), EMAIL_QUEUE_URL: httpUrl() }),
    env,
    'outbox relay configuration',
  );
  return {
    whatsAppQueueUrl: parsed.WHATSAPP_QUEUE_URL,
    emailQueueUrl: parsed.EMAIL_QUEUE_URL,
  };
}

export interface DeliveryFunctionConfig {
  tableName: string;
  /** The queue this function consumes (visibility changes, re-queued copies). */
  deliveryQueueUrl: string;
  /** The queue's redrive maxReceiveCount (default: the stack's `DELIVERY_QUEUE_SETTINGS`). */
  maxReceiveCount: number;
  delivery: DeliverySettings;
}

function deliveryFunctionConfig(env: Env, what: string): DeliveryFunctionConfig {
  const parsed = parseEnv(
    z.object({
      TABLE_NAME: nonEmpty(),
      DELIVERY_QUEUE_URL: httpUrl(),
      DELIVERY_MAX_RECEIVE_COUNT: z.optional(z.string().check(z.regex(/^[1-9]\d{0,3}$/))),
    }),
    env,
    what,
  );
  return {
    tableName: parsed.TABLE_NAME,
    deliveryQueueUrl: parsed.DELIVERY_QUEUE_URL,
    maxReceiveCount: parsed.DELIVERY_MAX_RECEIVE_COUNT
      ? Number(parsed.DELIVERY_MAX_RECEIVE_COUNT)
      : DELIVERY_QUEUE_SETTINGS.maxReceiveCount,
    delivery: DEFAULT_DELIVERY_SETTINGS,
  };
}

export interface WhatsAppDeliveryConfig extends DeliveryFunctionConfig {
  phoneNumberId: string;
  apiBaseUrl?: string;
  apiVersion?: string;
  dispatch: WhatsAppDispatchSettings;
}

const templateOverridesSchema = z.record(z.string(), z.string().check(z.regex(/^[a-z0-9_]{1,512}$/)));

/** `WHATSAPP_TEMPLATES` (optional JSON `{ "<kind>": "<template name>" }`) overrides the generic template per kind. */
export function loadWhatsAppDeliveryConfig(env: Env): WhatsAppDeliveryConfig {
  const base = deliveryFunctionConfig(env, 'WhatsApp delivery configuration');
  const parsed = parseEnv(
    z.object({
      WHATSAPP_PHONE_NUMBER_ID: nonEmpty(),
      WHATSAPP_API_BASE_URL: z.optional(httpUrl()),
      WHATSAPP_API_VERSION: z.optional(z.string().check(z.regex(/^v\d+\.\d+$/))),
      WHATSAPP_TEMPLATES: optionalText,
    }),
    env,
    'WhatsApp delivery configuration',
  );
  const genericTemplates = { ...DEFAULT_WHATSAPP_DISPATCH_SETTINGS.genericTemplates };
  if (parsed.WHATSAPP_TEMPLATES) {
    let overrides: Record<string, string>;
    try {
      overrides = templateOverridesSchema.parse(JSON.parse(parsed.WHATSAPP_TEMPLATES));
    } catch (error) {
      throw new ConfigurationError('WHATSAPP_TEMPLATES must be a JSON object of kind → template name', {
        cause: error,
      });
    }
    for (const [kind, name] of Object.entries(overrides)) {
      if (!ALL_KINDS.includes(kind as OutboxMessageKind)) {
        throw new ConfigurationError(`WHATSAPP_TEMPLATES: unknown message kind ${kind}`);
      }
      genericTemplates[kind as OutboxMessageKind] = { name, languageCode: 'pt_BR' };
    }
  }
  return {
    ...base,
    phoneNumberId: parsed.WHATSAPP_PHONE_NUMBER_ID,
    ...(parsed.WHATSAPP_API_BASE_URL ? { apiBaseUrl: parsed.WHATSAPP_API_BASE_URL } : {}),
    ...(parsed.WHATSAPP_API_VERSION ? { apiVersion: parsed.WHATSAPP_API_VERSION } : {}),
    dispatch: { ...DEFAULT_WHATSAPP_DISPATCH_SETTINGS, genericTemplates },
  };
}

/**
 * The Cloud API access token: `WHATSAPP_ACCESS_TOKEN` locally, the SSM SecureString named by
 * `WHATSAPP_ACCESS_TOKEN_PARAMETER` in the cloud (`secret-values.ts`).
 */
export function loadWhatsAppAccessToken(env: Env): Promise<string> {
  return readSecret('WHATSAPP_ACCESS_TOKEN', env as NodeJS.ProcessEnv);
}

export interface EmailDeliveryConfig extends DeliveryFunctionConfig {
  configurationSetName: string;
  fromAddress: string;
  replyToAddresses: string[];
}

export function loadEmailDeliveryConfig(env: Env): EmailDeliveryConfig {
  const base = deliveryFunctionConfig(env, 'e-mail delivery configuration');
  const parsed = parseEnv(
    z.object({
      SES_CONFIGURATION_SET: nonEmpty(),
      EMAIL_FROM_ADDRESS: z.string().check(z.regex(/^[^@\s]+@[^@\s]+$/)),
      EMAIL_REPLY_TO: optionalText,
    }),
    env,
    'e-mail delivery configuration',
  );
  return {
    ...base,
    configurationSetName: parsed.SES_CONFIGURATION_SET,
    fromAddress: parsed.EMAIL_FROM_ADDRESS,
    replyToAddresses: (parsed.EMAIL_REPLY_TO ?? '')
      .split(',')
      .map((address) => address.trim())
      .filter(Boolean),
  };
}
