import { SFNClient } from '@aws-sdk/client-sfn';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { StepFunctionsWorkflows } from '#adapters/step-functions/step-functions-workflows';
import { systemClock } from '#adapters/system/system-clock';
import { TimeOrderedIdGenerator } from '#adapters/system/time-ordered-id-generator';
import { inboundRouterConfig } from '#config/inbound-router-config';
import { wirePayerVoice } from '#config/payer-voice-wiring';
import { processEnv } from '#config/process-env';
import { createLogger } from '#logging/create-logger';
import type { InboundRouterDependencies } from './create-handler';

/** Built once per container, at cold start. */
export function composeInboundRouter(
  env: NodeJS.ProcessEnv = processEnv() as NodeJS.ProcessEnv,
): InboundRouterDependencies {
  const config = inboundRouterConfig(env);
  const logger = createLogger('inbound-router');
  const repositories = createTableRepositories(config.TABLE_NAME);
  const clock = systemClock;
  const ids = new TimeOrderedIdGenerator(clock);
  const workflows = new StepFunctionsWorkflows({
    conversationStateMachineArn: config.CONVERSATION_STATE_MACHINE_ARN,
    reminderLoopStateMachineArn: config.REMINDER_STATE_MACHINE_ARN,
    client: new SFNClient({}),
  });
  const common = { ...repositories, clock, ids, logger };
  return {
    logger,
    receive: {
      tenants: repositories.tenants,
      route: {
        ...common,
        workflows,
        recordCustomerWindow: (tenantId, phone, at) =>
          repositories.customerWindow.recordInbound(tenantId, phone, at),
      },
      contactMessages: wirePayerVoice({ env, repositories, workflows, clock, ids, logger }),
      statuses: common,
      identities: common,
      logger,
    },
  };
}
