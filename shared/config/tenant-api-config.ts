import * as z from 'zod/mini';
import { loadObjectStoreConfig, type ObjectStoreConfig } from './object-store-config';
import { loadPaytimeFollowUpConfig, type PaytimeFollowUpConfig } from './paytime-event-processor-config';
import { type Env, nonEmpty, parseEnv } from './process-env';
import { readRotatingSecret } from './secret-values';
import { EXPORT_TICKET_KEY } from './tenant-exports-config';

export interface TenantApiConfig extends PaytimeFollowUpConfig {
  conversationStateMachineArn: string;
  /** Aging imports through an upload URL: the workflow they start and the bucket the file is PUT to. */
  agingImportStateMachineArn: string;
  files: ObjectStoreConfig;
  /** Requests one member may make per minute (docs/decisions.md, "Team": rate limits). */
  memberRequestsPerMinute: number;
  /** The streaming export function's URL and the export-ticket key (current first), when the stack has one. */
  exports?: { url: string; ticketKeys: string[] };
}

/** Default per-member limit: far above a person at the console, low enough to stop a runaway ERP loop. */
export const DEFAULT_MEMBER_REQUESTS_PER_MINUTE = 120;

const environment = z.object({
  CONVERSATION_STATE_MACHINE_ARN: nonEmpty(),
  AGING_IMPORT_STATE_MACHINE_ARN: nonEmpty(),
  API_MEMBER_REQUESTS_PER_MINUTE: z.optional(z.string().check(z.regex(/^[1-9]\d{0,5}$/))),
  EXPORT_URL: z.optional(z.string().check(z.regex(/^https?:\/\/\S+$/))),
});

/**
 * `functions/tenant-api`: the tenant it serves (one stack, one tenant, one user pool), the table, Paytime's
 * API (cancel at the provider), the reminder loop's state machine (stop a cancelled boleto's loop), the
 * conversation's (a `POST /v1/boletos` is issued by its create path), the aging import's and the file bucket
 * (`POST /v1/imports`), and the per-member rate limit.
 */
export async function loadTenantApiConfig(env: Env): Promise<TenantApiConfig> {
  const followUp = await loadPaytimeFollowUpConfig(env, 'tenant API configuration');
  const parsed = parseEnv(environment, env, 'tenant API configuration');
  const exports = parsed.EXPORT_URL
    ? {
        url: parsed.EXPORT_URL,
        ticketKeys: await readRotatingSecret(EXPORT_TICKET_KEY, env as NodeJS.ProcessEnv),
      }
    : undefined;
  return {
    ...followUp,
    ...(exports && { exports }),
    conversationStateMachineArn: parsed.CONVERSATION_STATE_MACHINE_ARN,
    agingImportStateMachineArn: parsed.AGING_IMPORT_STATE_MACHINE_ARN,
    files: loadObjectStoreConfig(env),
    memberRequestsPerMinute: Number(
      parsed.API_MEMBER_REQUESTS_PER_MINUTE ?? DEFAULT_MEMBER_REQUESTS_PER_MINUTE,
    ),
  };
}
