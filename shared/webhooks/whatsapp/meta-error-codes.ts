import type { WhatsAppPermanentReason } from '#application/ports/message-sender';

/**
 * Meta's Cloud API error codes → what IRIS does about them. Meta asks integrators to branch on `error.code`
 * (titles are being deprecated, `error_subcode` is gone since v16). Sources: Meta's "Error codes" page for
 * the WhatsApp Business Platform, cross-checked with BSP references (360dialog, Twilio, Chakra, Zavu).
 *
 * | Code(s)                                    | Meaning (Meta's title)                                   | IRIS               |
 * |--------------------------------------------|----------------------------------------------------------|--------------------|
 * | 1                                          | API Unknown (invalid request or possible server error)   | retryable          |
 * | 2                                          | API Service (temporary downtime / overload)              | retryable          |
 * | 4                                          | API Too Many Calls (app rate limit)                      | retryable          |
 * | 80007                                      | Rate limit issues (WhatsApp Business Account)            | retryable          |
 * | 130429                                     | Rate limit hit (Cloud API throughput)                    | retryable          |
 * | 131048                                     | Spam rate limit hit (quality-based limit)                | retryable          |
 * | 131056                                     | (Business, Consumer) pair rate limit hit                 | retryable          |
 * | 131000                                     | Something went wrong                                     | retryable          |
 * | 131016                                     | Service unavailable                                      | retryable          |
 * | 131057                                     | Business account in maintenance mode                     | retryable          |
 * | 133004                                     | Server temporarily unavailable                           | retryable          |
 * | 0, 190                                     | AuthException / access token expired                     | auth               |
 * | 3, 10, 200–299                             | API method / permission denied                           | auth               |
 * | 33, 368, 130497, 131031, 131042, 131045,   | business number deleted, policy block, country block,    | account_restricted |
 * | 131037, 133010                             | account locked, payment eligibility, certificate,        |                    |
 * |                                            | display name not approved, number not registered         |                    |
 * | 131047                                     | Re-engagement message (24-hour window closed)            | outside_24h_window |
 * | 131021, 131026, 131030                     | recipient = sender; undeliverable (not on WhatsApp, old  | invalid_recipient  |
 * |                                            | app, terms not accepted, or blocked us); not in the      |                    |
 * |                                            | test number allow-list                                   |                    |
 * | 131050                                     | User stopped receiving marketing messages                | opted_out          |
 * | 132000–132099 (132000, 132001, 132005,     | template param count mismatch, does not exist, text too  | template_rejected  |
 * | 132007, 132012, 132015, 132016, 132068…)   | long, policy violation, param format, paused, disabled   |                    |
 * | 100, 131008, 131009, 131051, 131052,       | invalid / missing parameter, unsupported message type,   | invalid_request    |
 * | 131053, 135000                             | media download / upload error, generic user error        |                    |
 * | 130472, 131049                             | number in an experiment; Meta chose not to deliver       | other              |
 * | anything else                              | by HTTP status: 408, 429, 5xx → retryable; 401/403 →     |                    |
 * |                                            | auth; other 4xx → other                                  |                    |
 *
 * Meta does not tell a business that a user blocked it: a block surfaces as 131026, so there is no
 * separate `user_blocked` reason. 131049 is permanent here because retrying within the delivery queue's
 * minutes-long backoff does not help (Meta: "do not retry immediately").
 */
export type MetaErrorClassification =
  | { kind: 'retryable' }
  | { kind: 'permanent'; reason: WhatsAppPermanentReason };

const RETRYABLE_CODES = new Set([1, 2, 4, 80007, 130429, 131048, 131056, 131000, 131016, 131057, 133004]);

const PERMANENT_CODES = new Map<number, WhatsAppPermanentReason>([
  [0, 'auth'],
  [3, 'auth'],
  [10, 'auth'],
  [190, 'auth'],
  [33, 'account_restricted'],
  [368, 'account_restricted'],
  [130497, 'account_restricted'],
  [131031, 'account_restricted'],
  [131037, 'account_restricted'],
  [131042, 'account_restricted'],
  [131045, 'account_restricted'],
  [133010, 'account_restricted'],
  [131047, 'outside_24h_window'],
  [131021, 'invalid_recipient'],
  [131026, 'invalid_recipient'],
  [131030, 'invalid_recipient'],
  [131050, 'opted_out'],
  [100, 'invalid_request'],
  [131008, 'invalid_request'],
  [131009, 'invalid_request'],
  [131051, 'invalid_request'],
  [131052, 'invalid_request'],
  [131053, 'invalid_request'],
  [135000, 'invalid_request'],
  [130472, 'other'],
  [131049, 'other'],
]);

export function classifyMetaError(input: {
  metaCode?: number;
  httpStatus?: number;
}): MetaErrorClassification {
  const { metaCode, httpStatus } = input;
  if (metaCode !== undefined) {
    if (RETRYABLE_CODES.has(metaCode)) return { kind: 'retryable' };
    const reason = PERMANENT_CODES.get(metaCode);
    if (reason) return { kind: 'permanent', reason };
    if (metaCode >= 200 && metaCode <= 299) return { kind: 'permanent', reason: 'auth' };
    if (metaCode >= 132000 && metaCode <= 132099) return { kind: 'permanent', reason: 'template_rejected' };
  }
  if (httpStatus === undefined) return { kind: 'permanent', reason: 'other' };
  if (httpStatus === 408 || httpStatus === 429 || httpStatus >= 500) return { kind: 'retryable' };
  if (httpStatus === 401 || httpStatus === 403) return { kind: 'permanent', reason: 'auth' };
  return { kind: 'permanent', reason: 'other' };
}
