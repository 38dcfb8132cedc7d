import type {
  ConversationDependencies,
  OwnerCommands,
} from '#application/conversation/conversation-dependencies';
import { openCancelRequest, startCancelRequest } from '#application/conversation/start-cancel-request';
import type { StepResult } from '#application/conversation/step-result';
import { DONE } from '#application/conversation/step-result';
import { findContactByName } from '#application/owner-queries/find-contact';
import type { Interpretation } from '#application/ports/language-model';
import { isOpen } from '#domain/boleto';
import type { ChoiceContext, ChoiceHandlers } from './pending-choice';
import { offerChoice } from './pending-choice';

/**
 * How each numbered choice carries its request on: the status question answered for the chosen contact, the
 * cancellation continued for the chosen contact or opened for the chosen boleto (still to be confirmed).
 */
export function choiceHandlers(
  deps: ConversationDependencies & { commands: OwnerCommands },
  context: ChoiceContext,
  interpretation: Interpretation,
): ChoiceHandlers {
  return {
    status: (contactName) =>
      deps.commands.answer({
        ...context,
        intent: 'check_status',
        interpretation: { ...interpretation, intent: 'check_status', contact: contactName },
      }),
    cancelFor: (contactName) => startCancelRequest(deps, { ...context, contactName }),
    async cancelBoleto(option) {
      const boleto = await deps.boletos.get(context.tenantId, option.id);
      if (!boleto || !isOpen(boleto)) return DONE;
      const contact = { contactId: boleto.contactId, name: option.contactName };
      return openCancelRequest(deps, { ...context, contactName: option.contactName }, boleto, contact);
    },
  };
}

/**
 * "o João já pagou?" when two contacts are called João: the numbered choice instead of a dead end; undefined
 * when the name is clear (the status is answered as usual).
 */
export async function offerStatusChoice(
  deps: ConversationDependencies,
  context: ChoiceContext,
  contactName: string | null,
): Promise<StepResult | undefined> {
  if (!contactName) return undefined;
  const lookup = await findContactByName(deps, context.tenantId, contactName);
  if (lookup.kind !== 'uncertain') return undefined;
  const options = lookup.candidates.slice(0, 5).map((c) => ({ id: c.contactId, contactName: c.name }));
  return offerChoice(deps, context, 'status_contact', options, contactName);
}
