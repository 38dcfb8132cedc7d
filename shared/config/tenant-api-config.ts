import * as z from 'zod/mini';
import { loadPaytimeFollowUpConfig, type PaytimeFollowUpConfig } from './paytime-event-processor-config';
import { type Env, nonEmpty, parseEnv } from './process-env';

export interface TenantApiConfig extends PaytimeFollowUpConfig {
  conversationStateMachineArn: string;
}

/**
 * `functions/tenant-api`: the tenant it serves (one stack, one tenant, one user pool), the table, Paytime's
 * API (cancel at the provider), the reminder loop's state machine (stop a cancelled boleto's loop) and the
 * conversation's (a `POST /v1/boletos` is issued by its create path).
 */
export async function loadTenantApiConfig(env: Env): Promise<TenantApiConfig> {
  const followUp = await loadPaytimeFollowUpConfig(env, 'tenant API configuration');
  const { CONVERSATION_STATE_MACHINE_ARN } = parseEnv(
    z.object({ CONVERSATION_STATE_MACHINE_ARN: nonEmpty() }),
    env,
    'tenant API configuration',
  );
  return { ...followUp, conversationStateMachineArn: CONVERSATION_STATE_MACHINE_ARN };
}
