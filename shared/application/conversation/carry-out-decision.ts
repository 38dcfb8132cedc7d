import type { ConversationDependencies, ReplyInput } from './conversation-dependencies';
import { createBoletoAtProvider } from './create-boleto-at-provider';
import { decideConfirmation } from './decide-confirmation';
import { registerIssuedBoleto } from './register-boleto';
import type { StepResult } from './step-result';

/**
 * The owner's answer to the confirmation and what it leads to, in one step: a yes creates the boleto at the
 * provider (exactly once: command key, look before re-creating) and registers it once issued; a no, or a request
 * already decided, ends with `done`; anything that needs the owner again returns `ask` or `confirm`.
 * Every part is idempotent, so the step may be retried whole: a confirmed request goes on to create, one with a
 * provider id to register, a completed one ends. Errors of the create and register parts propagate by name
 * (outage, still processing, refusals) for the workflow to route.
 */
export async function decideAndCarryOut(
  deps: ConversationDependencies,
  input: ReplyInput,
): Promise<StepResult> {
  const decided = await decideConfirmation(deps, input);
  const request = { tenantId: input.tenantId, requestId: decided.requestId ?? input.requestId };
  switch (decided.next) {
    case 'create':
      await createBoletoAtProvider(deps, request);
      return registerIssuedBoleto(deps, request);
    case 'register':
      return registerIssuedBoleto(deps, request);
    case 'wait_provider':
      throw new Error(`request ${request.requestId}: a decision cannot wait for the provider`);
    default:
      return decided;
  }
}
