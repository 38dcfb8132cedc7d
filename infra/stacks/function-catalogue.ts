import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DELIVERY_QUEUE_SETTINGS } from '#adapters/sqs/delivery-queue-settings';
import type { PackagesWithFiles } from '#infra/constructs/packages-with-files';

/** When the daily finance check runs, São Paulo wall clock: after the night, before the owner's day. */
export const FINANCE_DAILY_TIME = { hour: 8, minute: 0 } as const;

/** Where the Lambda handlers live: `functions/<name>/handler.ts`, each exporting `handler`. */
export const FUNCTIONS_DIRECTORY = fileURLToPath(new URL('../../functions/', import.meta.url));

export interface FunctionSpec {
  readonly description: string;
  readonly memorySize: number;
  readonly timeoutSeconds: number;
  /** Packages loaded only on demand, shipped beside the bundle instead of in it (`IrisFunctionProps`). */
  readonly lazyPackages?: readonly string[];
  /** Packages that load their own files at run time, copied as installed (`IrisFunctionProps`). */
  readonly packagesWithFiles?: PackagesWithFiles;
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
    // The OpenAI SDK when a key is configured, the PDF reader on a PDF receipt: parsed only when used.
    lazyPackages: ['openai', 'unpdf'],
    // Tesseract for receipt photos: its worker script and the WASM cores it picks from (SIMD or not). tesseract.js
    // 6 passes `lstmOnly` (a boolean) where its getCore expects an OEM number, so it loads the full cores, never
    // the `-lstm` ones; those and the base64 `.wasm.js` copies (browsers) are left out (ocr-deployment.test.ts).
    packagesWithFiles: {
      packages: ['tesseract.js'],
      unusedFiles: [
        'tesseract.js/dist',
        'tesseract.js/docs',
        'tesseract.js/examples',
        'tesseract.js-core/*-lstm.*',
        'tesseract.js-core/*.wasm.js',
      ],
    },
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
  'email-events': {
    description:
      'SES events (EventBridge): delivery, bounce, complaint per e-mail; bounced/complained addresses',
    memorySize: 512,
    timeoutSeconds: 30,
  },
  'statement-projector': {
    description: 'Boletos and payments (table stream) onto their contact statement read model',
    memorySize: 512,
    timeoutSeconds: 30,
  },
  'ledger-projector': {
    description: 'Ledger entries and boletos (table stream) onto month figures, late payments, budget alerts',
    memorySize: 512,
    timeoutSeconds: 30,
  },
  'tenant-api': {
    description: 'The tenant API under /v1 (members with roles, behind the JWT authorizer)',
    memorySize: 1024,
    timeoutSeconds: 29,
  },
  'tenant-exports': {
    description:
      'CSV exports streamed page by page behind a Function URL (a 60 s ticket from the tenant API)',
    memorySize: 1024,
    timeoutSeconds: 300,
  },
  'aging-import': {
    description:
      'Tasks of the aging import workflow (claim, normalise, apply a batch, close, derive, report)',
    // Normalise streams the whole file in one invocation: 100,000 rows take well under a minute here.
    memorySize: 1024,
    timeoutSeconds: 900,
  },
  reconciliation: {
    description: 'Daily: asks Paytime for the status of open boletos and heals missed webhooks',
    memorySize: 1024,
    timeoutSeconds: 600,
  },
  'finance-daily': {
    description: "Daily: points out a tracked subscription missing from the month's ledger",
    memorySize: 512,
    timeoutSeconds: 120,
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
