import type { ConversationDependencies } from '#application/conversation/conversation-dependencies';
import { replyOnce } from '#application/conversation/reply-once';
import { DONE, type StepResult } from '#application/conversation/step-result';
import type { ChoiceOption, PendingChoice } from '#application/ports/conversation-repository';
import type { Interpretation } from '#application/ports/language-model';
import { type CalendarDate, formatDateBr } from '#domain/calendar-date';
import { formatBrl } from '#domain/money';
import type { E164 } from '#domain/phone-number';
import { pickOption } from './pick-option';

/**
 * "De qual deles?" as a dialogue that finishes (issue 12, rule 3): IRIS lists the options with numbers, keeps
 * them with the owner's conversation for a while, and the next message that picks one (a number, a name or
 * surname, an amount, a due date) carries the original request on with that option.
 */

/** How long a numbered choice waits for its answer. */
export const CHOICE_MINUTES = 30;

export interface ChoiceContext {
  tenantId: string;
  ownerPhone: E164;
  messageId: string;
}

function optionLine(option: ChoiceOption, index: number, purpose: PendingChoice['purpose']): string {
  if (purpose !== 'cancel_boleto') return `${index + 1}) ${option.contactName}`;
  const due = option.dueDate ? `, vence ${formatDateBr(option.dueDate as CalendarDate)}` : '';
  return `${index + 1}) ${formatBrl(option.amountCents ?? 0)}${due}`;
}

/** The pt-BR question: who or what the options are, one numbered line each, and how to answer. */
export function choiceText(
  purpose: PendingChoice['purpose'],
  options: ChoiceOption[],
  written: string,
): string {
  const lines = options.map((option, index) => optionLine(option, index, purpose)).join('\n');
  if (purpose === 'cancel_boleto') {
    const name = options[0]?.contactName ?? written;
    return `${name} tem ${options.length} boletos em aberto:\n${lines}\nQual deles você quer cancelar? Responda com o número, o valor ou o vencimento.`;
  }
  return `Encontrei mais de um contato parecido com "${written}":\n${lines}\nDe qual deles? Responda com o número ou o nome.`;
}

/** Lists the options, remembers them and ends this step: the answer arrives as a message of its own. */
export async function offerChoice(
  deps: ConversationDependencies,
  context: ChoiceContext,
  purpose: PendingChoice['purpose'],
  options: ChoiceOption[],
  written: string,
): Promise<StepResult> {
  const expiresAt = new Date(deps.clock.now().getTime() + CHOICE_MINUTES * 60_000).toISOString();
  await deps.conversations.setPendingChoice(context.tenantId, context.ownerPhone, {
    purpose,
    options,
    messageId: context.messageId,
    expiresAt,
  });
  const text = choiceText(purpose, options, written);
  await replyOnce(deps, context.tenantId, context.ownerPhone, text, context.messageId, `choice-${purpose}`);
  return DONE;
}

export interface ChoiceHandlers {
  /** Carries a status question on with the chosen contact; returns the reply. */
  status(contactName: string): Promise<string>;
  /** Carries a cancellation on with the chosen contact (which may offer a choice of boletos). */
  cancelFor(contactName: string): Promise<StepResult>;
  /** Opens the cancellation of the chosen boleto. */
  cancelBoleto(option: ChoiceOption): Promise<StepResult>;
}

/**
 * When a choice waits and this message picks one of its options, carries the original request on and returns
 * its step; undefined when no choice waits or the message is something else (it is then handled as usual).
 * Only a message with no request of its own (`unknown`: "2", "o Silva", "o de 150") can answer a choice.
 */
export async function answerPendingChoice(
  deps: ConversationDependencies,
  context: ChoiceContext,
  text: string,
  interpretation: Interpretation,
  handlers: ChoiceHandlers,
): Promise<StepResult | undefined> {
  if (interpretation.intent !== 'unknown') return undefined;
  const choice = await deps.conversations.peekPendingChoice(
    context.tenantId,
    context.ownerPhone,
    deps.clock.now(),
  );
  if (!choice) return undefined;
  const option = pickOption(choice.options, text, {
    amountCents: interpretation.amountCents,
    date: interpretation.date,
  });
  if (!option) return undefined;
  if (!(await deps.conversations.takePendingChoice(context.tenantId, context.ownerPhone, choice.messageId))) {
    return undefined;
  }
  deps.logger.info('numbered choice answered', { messageId: context.messageId, purpose: choice.purpose });
  switch (choice.purpose) {
    case 'status_contact': {
      const answer = await handlers.status(option.contactName);
      await replyOnce(deps, context.tenantId, context.ownerPhone, answer, context.messageId, 'choice-status');
      return DONE;
    }
    case 'cancel_contact':
      return handlers.cancelFor(option.contactName);
    case 'cancel_boleto':
      return handlers.cancelBoleto(option);
  }
}
