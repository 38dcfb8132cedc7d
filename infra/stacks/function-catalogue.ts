import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DELIVERY_QUEUE_SETTINGS } from '#adapters/sqs/delivery-queue-settings';

/** Where the Lambda handlers live: `functions/<name>/handler.ts`, each exporting `handler`. */
export const FUNCTIONS_DIRECTORY = fileURLToPath(new URL('../../functions/', import.meta.url));

export interface FunctionSpec {
  readonly description: string;
  readonly memorySize: number;
  readonly timeoutSeconds: number;
  /** Packages loaded only on demand, shipped beside the bundle instead of in it (`IrisFunctionProps`). */
  readonly lazyPackages?: readonly string[];
}

/**
 * Every function of the stack with its size. Memory also buys CPU (and crypto, JSON, zod speed): the webhooks
 * get enough to answer well inside Paytime's 1-second timeout from a cold start.
 */
export const FUNCTION_CATALOGUE = {
  'whatsapp-webhook': {
    description: 'Meta verification (GET) and signed WhatsApp webhooks (POST): verify, store once, answer',
    memorySize: 1024,
    timeoutSeconds: 10,
  },
  'inbound-router': {
    description: 'Stored WhatsApp deliveries (table stream): tenant, sender, dedupe, window, conversation',
    memorySize: 1024,
    timeoutSeconds: 60,
  },
  'paytime-webhook': {
    description: 'Paytime webhooks: check Basic auth, store the event, answer at once',
    memorySize: 1024,
    timeoutSeconds: 5,
  },
  'conversation-steps': {
    description: 'Tasks of the conversation workflow (interpret, ask, confirm, create the boleto once)',
    memorySize: 1024,
    timeoutSeconds: 120,
    lazyPackages: ['openai'],
  },
  'reminder-step': {
    description: 'One turn of a boleto reminder loop',
    memorySize: 512,
    timeoutSeconds: 30,
  },
  'paytime-event-processor': {
    description: 'Stored Paytime events: re-read the boleto at Paytime and apply its status',
    memorySize: 512,
    timeoutSeconds: 60,
  },
  'outbox-relay': {
    description: 'New outbox items (table stream) onto their delivery queue',
    memorySize: 512,
    timeoutSeconds: 30,
  },
  'whatsapp-delivery': {
    description: 'Delivers queued WhatsApp messages (claim, rate limits, opt-out, send)',
    memorySize: 512,
    timeoutSeconds: DELIVERY_QUEUE_SETTINGS.functionTimeoutSeconds,
  },
  'email-delivery': {
    description: 'Delivers queued e-mails through SES',
    memorySize: 512,
    timeoutSeconds: DELIVERY_QUEUE_SETTINGS.functionTimeoutSeconds,
  },
  'statement-projector': {
    description: 'Boletos and payments (table stream) onto their contact statement read model',
    memorySize: 512,
    timeoutSeconds: 30,
  },
  'tenant-api': {
    description: 'The tenant API under /v1 (members with roles, behind the JWT authorizer)',
    memorySize: 1024,
    timeoutSeconds: 29,
  },
  reconciliation: {
    description: 'Daily: asks Paytime for the status of open boletos and heals missed webhooks',
    memorySize: 1024,
    timeoutSeconds: 600,
  },
  report: {
    description:
      'The owner report (PDF) on the tenant schedule: monthly on the first business day, or weekly',
    memorySize: 1024,
    timeoutSeconds: 120,
  },
} as const satisfies Record<string, FunctionSpec>;

export type FunctionName = keyof typeof FUNCTION_CATALOGUE;

export const FUNCTION_NAMES = Object.keys(FUNCTION_CATALOGUE) as FunctionName[];

export function handlerEntry(name: FunctionName, directory: string = FUNCTIONS_DIRECTORY): string {
  return join(directory, name, 'handler.ts');
}
