import * as z from 'zod/mini';
import { type Env, nonEmpty, parseEnv } from './process-env';

const environment = z.object({
  TABLE_NAME: nonEmpty(),
  CONVERSATION_STATE_MACHINE_ARN: nonEmpty(),
  REMINDER_STATE_MACHINE_ARN: nonEmpty(),
  /** The template a payer's "manda o boleto de novo" is answered with. */
  BOLETO_TEMPLATE_NAME: z._default(nonEmpty(), 'iris_boleto_novo'),
});

export interface InboundRouterConfig {
  tableName: string;
  conversationStateMachineArn: string;
  reminderStateMachineArn: string;
  boletoTemplateName: string;
}

/**
 * `functions/inbound-router`: parsed once at cold start. Paytime's credentials are not read here: most inbound
 * messages never need them, so the composition reads them on first use (`paytimeApiConfigOf`).
 */
export function loadInboundRouterConfig(env: Env): InboundRouterConfig {
  const parsed = parseEnv(environment, env, 'inbound router configuration');
  return {
    tableName: parsed.TABLE_NAME,
    conversationStateMachineArn: parsed.CONVERSATION_STATE_MACHINE_ARN,
    reminderStateMachineArn: parsed.REMINDER_STATE_MACHINE_ARN,
    boletoTemplateName: parsed.BOLETO_TEMPLATE_NAME,
  };
}
