import type { Logger } from '@aws-lambda-powertools/logger';
import { askOwner } from '#application/conversation/ask-owner';
import { decideAndCarryOut } from '#application/conversation/carry-out-decision';
import type {
  ConversationDependencies,
  OwnerCommands,
} from '#application/conversation/conversation-dependencies';
import { createBoletoAtProvider } from '#application/conversation/create-boleto-at-provider';
import { expireRequest, reportConversationFailure } from '#application/conversation/end-request';
import { interpretOwnerMessage } from '#application/conversation/interpret-owner-message';
import { mergeOwnerReply } from '#application/conversation/merge-owner-reply';
import { waitForProvider } from '#application/conversation/provider-outage';
import { registerIssuedBoleto } from '#application/conversation/register-boleto';
import type { StepResult } from '#application/conversation/step-result';
import type { OwnerMediaReader } from '#application/owner-media/handle-owner-media';
import type { OwnerMessageInput } from '#application/ports/workflows';
import type { ReceiptDecisions } from '#application/receipts/decide-receipt';
import type { RecurringExpenseOffers } from '#application/subscriptions/decide-recurring-expense';
import { OWNER_PROMPT_SIGNALS } from '#workflows/conversation-workflow';
import { type ConversationStepEvent, conversationStepSchema } from './conversation-step.schema';

/**
 * The decision left the request waiting for the owner again (a correction, a stale button, another phone, an
 * unclear reply): not a failure but the workflow's way back to the question or the confirmation, caught by name
 * so the happy path needs no Choice after `HandleDecision`. The function's error alarm leaves it out.
 */
export class OwnerPromptAwaited extends Error {
  constructor(step: StepResult & { next: keyof typeof OWNER_PROMPT_SIGNALS }) {
    super(`request ${step.requestId ?? 'unknown'} awaits the owner (${step.next})`);
    this.name = OWNER_PROMPT_SIGNALS[step.next];
  }
}

export type ConversationStepsDependencies = ConversationDependencies & {
  commands: OwnerCommands;
  /** The owner's photos and files (receipts, spreadsheets), routed by MIME type. */
  ownerMedia: OwnerMediaReader;
  /** Sim/Não (tapped or typed) to a receipt's proposed expense. */
  receipts: ReceiptDecisions;
  /** Sim/Não (typed) to "parece uma assinatura… quer que eu acompanhe?". */
  recurringExpenseOffers: RecurringExpenseOffers;
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
    case 'decide': {
      const step = await decideAndCarryOut(deps, { ...event, reply: event.reply as OwnerMessageInput });
      if (step.next === 'ask' || step.next === 'confirm')
        throw new OwnerPromptAwaited({ ...step, next: step.next });
      return step;
    }
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
