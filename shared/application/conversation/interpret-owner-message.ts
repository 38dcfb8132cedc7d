import { startAmendment } from '#application/amendments/start-amendment';
import { runWeeklyCollections, startCollectionsRequest } from '#application/collections/collections-requests';
import { choiceHandlers, offerStatusChoice } from '#application/dialogues/choice-handlers';
import { deferredFrom } from '#application/dialogues/deferred-request';
import { answerPendingChoice } from '#application/dialogues/pending-choice';
import { splitCharges } from '#application/dialogues/two-charges';
import { startLedgerCorrection } from '#application/ledger-corrections/start-ledger-correction';
import { ACTION_OF_INTENT, type MemberVerdict, memberMay } from '#application/members/member-gate';
import { startMemberRequest } from '#application/members/member-requests';
import { teamTexts } from '#application/members/team-texts-pt-br';
import type { OwnerMediaReader } from '#application/owner-media/handle-owner-media';
import { answerDifferenceTap, parseDifferenceButton } from '#application/payments/charge-difference';
import { TranscriptionFailedError } from '#application/ports/transcriber';
import { memberIdOf } from '#application/ports/user-repository';
import type { OwnerMessageInput } from '#application/ports/workflows';
import type { ReceiptDecisions } from '#application/receipts/decide-receipt';
import { parseReceiptButton } from '#application/receipts/receipt-buttons';
import { issueRecurringCharge } from '#application/recurring/issue-recurring-charge';
import { startRecurringRequest } from '#application/recurring/start-recurring-request';
import { refusalOfBoletoRequest } from '#application/request-validation';
import type { RecurringExpenseOffers } from '#application/subscriptions/decide-recurring-expense';
import { type CalendarDate, saoPauloDateOf } from '#domain/calendar-date';
import { formatBrl } from '#domain/money';
import { normalizePhone } from '#domain/phone-number';
import type { ConversationDependencies, OwnerCommands } from './conversation-dependencies';
import { parseConfirmationButton, textOf } from './owner-text';
import { replies } from './replies-pt-br';
import { replyOnce } from './reply-once';
import { startCancelRequest } from './start-cancel-request';
import { startBoletoRequest } from './start-request';
import { DONE, type StepResult } from './step-result';

export interface InterpretInput {
  tenantId: string;
  message: OwnerMessageInput;
}

/** First step of a conversation: understand the owner's message and either answer it or open a request. */
export async function interpretOwnerMessage(
  deps: ConversationDependencies & {
    commands: OwnerCommands;
    ownerMedia: OwnerMediaReader;
    receipts: ReceiptDecisions;
    recurringExpenseOffers: RecurringExpenseOffers;
  },
  input: InterpretInput,
): Promise<StepResult> {
  const { tenantId, message } = input;
  const ownerPhone = normalizePhone(message.from);
  const reply = (text: string, purpose: string) =>
    replyOnce(deps, tenantId, ownerPhone, text, message.messageId, purpose);
  const refused = async (verdict: MemberVerdict) => {
    if (verdict.allowed) return false;
    await reply(teamTexts.refused(verdict.member?.role, verdict.action), `refused-${verdict.action}`);
    return true;
  };

  if (message.content.type === 'api_charge') return { requestId: message.content.requestId, next: 'create' };
  if (message.content.type === 'recurring_issue') {
    return issueRecurringCharge(deps, { tenantId, message, ...message.content });
  }
  if (message.content.type === 'collections_run') {
    const runDate = message.content.runDate as CalendarDate;
    return runWeeklyCollections(deps, { tenantId, message, runDate });
  }
  if (parseConfirmationButton(message.content)) {
    // A Sim/Não tap that reached no waiting request: it was decided, expired or replaced already.
    await reply(replies.alreadyDecided(), 'stale-button');
    return DONE;
  }
  const receiptTap = parseReceiptButton(message.content);
  if (receiptTap) {
    await deps.receipts.answer({ tenantId, ownerPhone, messageId: message.messageId, ...receiptTap });
    return DONE;
  }
  const difference = parseDifferenceButton(message.content);
  if (difference) {
    return answerDifferenceTap(deps, { tenantId, ownerPhone, messageId: message.messageId, tap: difference });
  }
  if (message.content.type === 'media') {
    if (await refused(await memberMay(deps.users, tenantId, ownerPhone, 'book_ledger'))) return DONE;
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
  // The one permission check of a member's message: what the intent asks against their role's matrix.
  const verdict = await memberMay(deps.users, tenantId, ownerPhone, ACTION_OF_INTENT[interpretation.intent]);
  if (await refused(verdict)) return DONE;
  const memberId = verdict.allowed ? memberIdOf(verdict.member) : undefined;
  const context = { tenantId, ownerPhone, messageId: message.messageId };
  const handlers = choiceHandlers(deps, context, interpretation);
  const picked = await answerPendingChoice(deps, context, text, interpretation, handlers);
  if (picked) return picked;

  switch (interpretation.intent) {
    case 'create_boleto': {
      const today = saoPauloDateOf(deps.clock.now());
      const split = await splitCharges(deps.language, text, today);
      const charge = split?.first ?? interpretation;
      const refusal = refusalOfBoletoRequest(charge, { today });
      if (refusal) {
        await reply(refusal.question, `refused-${refusal.code}`);
        return DONE;
      }
      return startBoletoRequest(deps, {
        tenantId,
        ownerPhone,
        ...(memberId && { memberId }),
        messageId: message.messageId,
        interpretation: charge,
        ...(split ? { deferred: deferredFrom(message, split.rest, '.2') } : {}),
      });
    }
    case 'cancel_boleto':
      return startCancelRequest(deps, {
        tenantId,
        ownerPhone,
        ...(memberId && { memberId }),
        messageId: message.messageId,
        contactName: interpretation.contact,
        amountCents: interpretation.amountCents,
        dueDate: interpretation.date,
      });
    case 'amend_boleto':
      return startAmendment(deps, { tenantId, ownerPhone, messageId: message.messageId, interpretation });
    case 'correct_ledger':
      return startLedgerCorrection(deps, {
        tenantId,
        ownerPhone,
        ...(memberId && { memberId }),
        messageId: message.messageId,
        interpretation,
      });
    case 'create_recurring':
    case 'list_recurring':
    case 'stop_recurring':
      return startRecurringRequest(deps, {
        tenantId,
        ownerPhone,
        messageId: message.messageId,
        text,
        interpretation,
        intent: interpretation.intent,
      });
    case 'add_member':
    case 'remove_member':
      return startMemberRequest(deps, {
        tenantId,
        ownerPhone,
        ...(memberId && { memberId }),
        messageId: message.messageId,
        details: interpretation.member ?? {},
        intent: interpretation.intent,
      });
    case 'portfolio_status':
    case 'collections_campaign':
    case 'collections_schedule':
    case 'collections_schedule_stop':
    case 'collections_pause':
    case 'collections_resume':
    case 'collections_pin':
    case 'collections_unpin':
      return startCollectionsRequest(deps, {
        text,
        tenantId,
        ownerPhone,
        ...(memberId && { memberId }),
        messageId: message.messageId,
        intent: interpretation.intent,
      });
    case 'confirm':
    case 'deny': {
      const decision = interpretation.intent;
      const answer = {
        tenantId,
        ownerPhone,
        messageId: message.messageId,
        decision,
        ...(memberId && { memberId }),
      };
      if ((await deps.receipts.answer(answer)) || (await deps.recurringExpenseOffers.answer(answer))) {
        return DONE;
      }
      await reply(replies.nothingPending(), 'nothing-pending');
      return DONE;
    }
    case 'help':
      await reply(replies.help(), 'help');
      return DONE;
    case 'unknown': {
      // A bare amount ("45") answers "Qual o valor do gasto?", or a question whose request is gone.
      const amount = interpretation.amountCents;
      const booked =
        amount != null
          ? await deps.commands.completePendingEntry({
              tenantId,
              ownerPhone,
              ...(memberId && { memberId }),
              amountCents: amount,
            })
          : undefined;
      await reply(
        booked ??
          (amount != null ? replies.amountWithoutContext(formatBrl(amount)) : replies.didNotUnderstand()),
        'not-understood',
      );
      return DONE;
    }
    default: {
      if (interpretation.intent === 'check_status') {
        const choice = await offerStatusChoice(deps, context, interpretation.contact);
        if (choice) return choice;
      }
      const answer = await deps.commands.answer({
        tenantId,
        ownerPhone,
        ...(memberId && { memberId }),
        messageId: message.messageId,
        intent: interpretation.intent,
        interpretation,
      });
      await reply(answer, `answer-${interpretation.intent}`);
      return DONE;
    }
  }
}
