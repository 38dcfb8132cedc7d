import type { OwnerMediaReader } from '#application/owner-media/handle-owner-media';
import { answerDifferenceTap, parseDifferenceButton } from '#application/payments/charge-difference';
import type { Intent, Interpretation } from '#application/ports/language-model';
import { TranscriptionFailedError } from '#application/ports/transcriber';
import type { OwnerMessageInput } from '#application/ports/workflows';
import { refusalOfBoletoRequest } from '#application/request-validation';
import { saoPauloDateOf } from '#domain/calendar-date';
import { formatBrl } from '#domain/money';
import { type E164, normalizePhone } from '#domain/phone-number';
import type { ConversationDependencies } from './conversation-dependencies';
import { parseConfirmationButton, textOf } from './owner-text';
import { replies } from './replies-pt-br';
import { replyOnce } from './reply-once';
import { startCancelRequest } from './start-cancel-request';
import { startBoletoRequest } from './start-request';
import { DONE, type StepResult } from './step-result';

/**
 * Intents answered at once, without a request to collect or confirm (queries, ledger entries, help).
 * Implemented beside the features they belong to; each returns the pt-BR reply for the owner.
 */
export interface OwnerCommands {
  answer(input: {
    tenantId: string;
    ownerPhone: string;
    messageId: string;
    intent: Exclude<Intent, 'create_boleto' | 'cancel_boleto' | 'confirm' | 'deny' | 'help' | 'unknown'>;
    interpretation: Interpretation;
  }): Promise<string>;
  /** A bare amount that completes an expense or income asked about a moment ago; undefined if none waits. */
  completePendingEntry(input: {
    tenantId: string;
    ownerPhone: E164;
    amountCents: number;
  }): Promise<string | undefined>;
}

export interface InterpretInput {
  tenantId: string;
  message: OwnerMessageInput;
}

/** First step of a conversation: understand the owner's message and either answer it or open a request. */
export async function interpretOwnerMessage(
  deps: ConversationDependencies & { commands: OwnerCommands; ownerMedia: OwnerMediaReader },
  input: InterpretInput,
): Promise<StepResult> {
  const { tenantId, message } = input;
  const ownerPhone = normalizePhone(message.from);
  const reply = (text: string, purpose: string) =>
    replyOnce(deps, tenantId, ownerPhone, text, message.messageId, purpose);

  if (parseConfirmationButton(message.content)) {
    // A Sim/Não tap that reached no waiting request: it was decided, expired or replaced already.
    await reply(replies.alreadyDecided(), 'stale-button');
    return DONE;
  }
  const difference = parseDifferenceButton(message.content);
  if (difference) {
    return answerDifferenceTap(deps, { tenantId, ownerPhone, messageId: message.messageId, tap: difference });
  }
  if (message.content.type === 'media') {
    await deps.ownerMedia.read({
      tenantId,
      ownerPhone,
      messageId: message.messageId,
      media: message.content,
    });
    return DONE;
  }
  let text: string;
  try {
    text = await textOf(message.content, deps.transcriber);
  } catch (error) {
    if (!(error instanceof TranscriptionFailedError)) throw error;
    deps.logger.warn('voice note could not be transcribed', { messageId: message.messageId, error });
    await reply(replies.couldNotTranscribe(), 'not-transcribed');
    return DONE;
  }
  const interpretation = await deps.language.interpret({ text, today: saoPauloDateOf(deps.clock.now()) });
  deps.logger.info('owner message interpreted', {
    messageId: message.messageId,
    intent: interpretation.intent,
    source: interpretation.source,
  });

  switch (interpretation.intent) {
    case 'create_boleto': {
      const refusal = refusalOfBoletoRequest(interpretation, { today: saoPauloDateOf(deps.clock.now()) });
      if (refusal) {
        await reply(refusal.question, `refused-${refusal.code}`);
        return DONE;
      }
      return startBoletoRequest(deps, { tenantId, ownerPhone, messageId: message.messageId, interpretation });
    }
    case 'cancel_boleto':
      return startCancelRequest(deps, {
        tenantId,
        ownerPhone,
        messageId: message.messageId,
        contactName: interpretation.contact,
      });
    case 'confirm':
    case 'deny':
      await reply(replies.nothingPending(), 'nothing-pending');
      return DONE;
    case 'help':
      await reply(replies.help(), 'help');
      return DONE;
    case 'unknown': {
      // A bare amount ("45") answers "Qual o valor do gasto?", or a question whose request is gone.
      const amount = interpretation.amountCents;
      const booked =
        amount != null
          ? await deps.commands.completePendingEntry({ tenantId, ownerPhone, amountCents: amount })
          : undefined;
      await reply(
        booked ??
          (amount != null ? replies.amountWithoutContext(formatBrl(amount)) : replies.didNotUnderstand()),
        'not-understood',
      );
      return DONE;
    }
    default: {
      const answer = await deps.commands.answer({
        tenantId,
        ownerPhone,
        messageId: message.messageId,
        intent: interpretation.intent,
        interpretation,
      });
      await reply(answer, `answer-${interpretation.intent}`);
      return DONE;
    }
  }
}
