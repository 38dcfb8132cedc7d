import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { askOwner } from '../../shared/application/conversation/ask-owner';
import type { ConversationDependencies } from '../../shared/application/conversation/conversation-dependencies';
import { createBoletoAtProvider } from '../../shared/application/conversation/create-boleto-at-provider';
import { decideConfirmation } from '../../shared/application/conversation/decide-confirmation';
import { expireRequest, reportConversationFailure } from '../../shared/application/conversation/end-request';
import {
  interpretOwnerMessage,
  type OwnerCommands,
} from '../../shared/application/conversation/interpret-owner-message';
import { mergeOwnerReply } from '../../shared/application/conversation/merge-owner-reply';
import { waitForProvider } from '../../shared/application/conversation/provider-outage';
import { registerIssuedBoleto } from '../../shared/application/conversation/register-boleto';
import type { StepResult } from '../../shared/application/conversation/step-result';
import type { OwnerMessageInput } from '../../shared/application/ports/workflows';
import { type ConversationStepEvent, conversationStepSchema } from './conversation-step.schema';

export type ConversationStepsDependencies = ConversationDependencies & {
  commands: OwnerCommands;
  logger: Logger;
};

/**
 * One function for every Task of the conversation workflow: validates the payload, runs the step's use case,
 * returns `{ requestId, next }`. Errors propagate by name (e.g. `BillingProviderUnavailableError`) so the
 * workflow's Retry and Catch apply.
 */
export function createConversationStepsHandler(deps: ConversationStepsDependencies) {
  return async (payload: unknown): Promise<StepResult | undefined> => {
    const event = conversationStepSchema.parse(payload);
    deps.logger.appendKeys({ tenantId: 'state' in event ? event.state.tenantId : event.tenantId });
    if ('requestId' in event) deps.logger.appendKeys({ requestId: event.requestId });
    deps.logger.info('conversation step', { action: event.action });
    return (await runStep(deps, event)) ?? undefined;
  };
}

async function runStep(deps: ConversationStepsDependencies, event: ConversationStepEvent) {
  switch (event.action) {
    case 'interpret':
      return interpretOwnerMessage(deps, {
        tenantId: event.tenantId,
        message: event.message as OwnerMessageInput,
      });
    case 'ask':
      return askOwner(deps, event, 'answer');
    case 'confirm':
      return askOwner(deps, event, 'confirmation');
    case 'merge':
      return mergeOwnerReply(deps, { ...event, reply: event.reply as OwnerMessageInput });
    case 'decide':
      return decideConfirmation(deps, { ...event, reply: event.reply as OwnerMessageInput });
    case 'create':
      return createBoletoAtProvider(deps, event);
    case 'register':
      return registerIssuedBoleto(deps, event);
    case 'expire':
      return expireRequest(deps, event);
    case 'wait_provider':
      return waitForProvider(deps, event);
    case 'report_failure':
      return reportConversationFailure(deps, event);
  }
}

export function wrapConversationStepsHandler(deps: ConversationStepsDependencies) {
  return middy(createConversationStepsHandler(deps)).use(
    injectLambdaContext(deps.logger, { resetKeys: true }),
  );
}
