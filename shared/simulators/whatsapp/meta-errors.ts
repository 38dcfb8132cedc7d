import { randomBytes } from 'node:crypto';

/** Meta's Graph API error bodies as the simulator returns them (`{ error: { message, type, code, … } }`). */

const TITLES: Record<number, string> = {
  2: 'Service temporarily unavailable',
  100: 'Invalid parameter',
  190: 'Invalid OAuth access token - Cannot parse access token',
  130429: 'Rate limit hit',
  131000: 'Something went wrong',
  131026: 'Message undeliverable',
  131030: 'Recipient phone number not in allowed list',
  131047: 'Re-engagement message',
  131050: 'User has stopped receipt of marketing messages',
  131056: '(Business Account, Consumer Account) pair rate limit hit',
  132000: 'Number of parameters does not match the expected number of params',
  132001: 'Template name does not exist in the translation',
  132015: 'Template is paused',
};

const DETAILS: Record<number, string> = {
  130429: 'Cloud API message throughput has been reached.',
  131026: 'Message Undeliverable.',
  131047:
    'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
};

export function titleOf(code: number): string {
  return TITLES[code] ?? 'Unknown error';
}

export function fbtraceId(): string {
  return randomBytes(9).toString('base64').replace(/[+/=]/g, 'A');
}

export interface GraphErrorResponse {
  status: number;
  body: { error: Record<string, unknown> };
}

export function graphError(code: number, details?: string): GraphErrorResponse {
  const status = code === 190 || code === 0 ? 401 : code === 10 || (code >= 200 && code <= 299) ? 403 : 400;
  const error: Record<string, unknown> = {
    message:
      code === 2
        ? 'An unexpected error has occurred. Please retry your request later.'
        : `(#${code}) ${titleOf(code)}`,
    type: 'OAuthException',
    code,
    fbtrace_id: fbtraceId(),
  };
  const text = details ?? DETAILS[code];
  if (text) error.error_data = { messaging_product: 'whatsapp', details: text };
  if (code === 2) error.is_transient = true;
  return { status: code === 2 ? 500 : code === 130429 ? 429 : status, body: { error } };
}

/** The error object of a failed status callback (`statuses[].errors[]`). */
export function statusError(code: number): Record<string, unknown> {
  return {
    code,
    title: titleOf(code),
    message: titleOf(code),
    error_data: { details: DETAILS[code] ?? titleOf(code) },
    href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
  };
}
