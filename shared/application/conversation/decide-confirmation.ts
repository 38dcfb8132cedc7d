import { decideChange, isChangeRequest } from '#application/amendments/change-requests';
import {
  decideCollectionsRequest,
  isCollectionsRequest,
} from '#application/collections/collections-requests';
import {
  deferredFrom,
  isAnotherRequest,
  queueFullLine,
  takeUpDeferred,
} from '#application/dialogues/deferred-request';
import { decideMemberRequest, isMemberRequest } from '#application/members/member-requests';
import { TranscriptionFailedError } from '#application/ports/transcriber';
import { decideRecurring } from '#application/recurring/decide-recurring';
import { saoPauloDateOf } from '#domain/calendar-date';
import { foldName } from '#domain/contact-matching';
import { DomainError } from '#domain/domain-error';
import { close, confirm, type OwnerRequest, payerName } from '#domain/owner-request';
import { samePhone } from '#domain/phone-number';
import type { ConversationDependencies, ReplyInput } from './conversation-dependencies';
import { applyAnswer, cancelRequest } from './merge-owner-reply';
import { parseConfirmationButton, textOf } from './owner-text';
import { replies } from './replies-pt-br';
import { replyOnce } from './reply-once';
import { loadRequest } from './request-loading';
import { saveAndRoute } from './start-request';
import { DONE, type StepResult } from './step-result';

async function askAgain(deps: ConversationDependencies, request: OwnerRequest): Promise<StepResult> {
  const again = { ...request, confirmationsAsked: (request.confirmationsAsked ?? 0) + 1 };
  await deps.conversations.saveRequest({ ...again, version: request.version + 1 }, request.version);
  return { requestId: request.requestId, next: 'confirm' };
}

/**
 * The owner's answer to "Confirma boleto de ...?". Only an explicit yes from the owner's phone, for this
 * request, at the version that was shown, confirms; "não" cancels; a correction ("não, é 200") updates the
 * request and asks again; anything else reminds the owner that a confirmation is pending.
 */
export async function decideConfirmation(
  deps: ConversationDependencies,
  input: ReplyInput,
): Promise<StepResult> {
  const request = await loadRequest(deps, input.tenantId, input.requestId);
  const causeId = input.reply.messageId;
  const reply = (text: string, purpose: string) =>
    replyOnce(deps, input.tenantId, input.reply.from, text, causeId, purpose);
  if (request.kind === 'cancel_boleto') return decideCancellation(deps, request, input);
  if (isChangeRequest(request)) return decideChange(deps, request, input);
  if (request.kind === 'create_recurring' || request.kind === 'stop_recurring') {
    return decideRecurring(deps, request, input);
  }
  if (isMemberRequest(request)) return decideMemberRequest(deps, request, input);
  if (isCollectionsRequest(request)) return decideCollectionsRequest(deps, request, input);
  if (request.status === 'confirmed' || request.status === 'completed') {
    return { requestId: request.requestId, next: request.status === 'confirmed' ? 'create' : 'done' };
  }
  if (request.status !== 'awaiting_confirmation') {
    await reply(replies.alreadyDecided(), 'already-decided');
    return DONE;
  }
  if (!samePhone(input.reply.from, request.ownerPhone)) {
    deps.logger.warn('confirmation from another phone refused', { requestId: request.requestId });
    return askAgain(deps, request);
  }

  const button = parseConfirmationButton(input.reply.content);
  if (button) {
    if (button.requestId !== request.requestId || button.version !== request.version) {
      await reply(replies.confirmationRefused(), 'confirmation-refused');
      return askAgain(deps, request);
    }
    if (button.decision === 'deny') return cancelRequest(deps, request, causeId);
    return confirmRequest(deps, request);
  }

  let text: string;
  try {
    text = await textOf(input.reply.content, deps.transcriber);
  } catch (error) {
    // A voice note IRIS cannot read decides nothing: say so, and the confirmation stays pending.
    if (!(error instanceof TranscriptionFailedError)) throw error;
    await reply(replies.couldNotTranscribe(), 'not-transcribed');
    return askAgain(deps, request);
  }
  const interpretation = await deps.language.interpret({ text, today: saoPauloDateOf(deps.clock.now()) });
  const corrects =
    interpretation.amountCents != null || interpretation.date != null || interpretation.contact != null;
  const sameContact = (written: string) =>
    foldName(written) === foldName(request.contactName ?? '') ||
    foldName(written) === foldName(payerName(request));
  if (isAnotherRequest(request, interpretation, sameContact)) {
    // A new request while this one waits: kept for after, and the owner decides this one first (never dropped).
    return keepForAfter(deps, request, input, text);
  }
  if (corrects && interpretation.intent !== 'confirm') {
    const corrected = applyAnswer(
      { ...request, status: 'collecting', question: undefined },
      text,
      interpretation,
      deps.clock.now(),
    );
    return saveAndRoute(deps, { ...corrected, confirmationsAsked: 0 }, request.version);
  }
  if (interpretation.intent === 'confirm') return confirmRequest(deps, request);
  if (interpretation.intent === 'deny') return cancelRequest(deps, request, causeId);
  return askAgain(deps, request);
}

/** Keeps the new request on the waiting one and asks for the waiting one's decision again. */
async function keepForAfter(
  deps: ConversationDependencies,
  request: OwnerRequest,
  input: ReplyInput,
  text: string,
): Promise<StepResult> {
  if (request.deferred) {
    await replyOnce(
      deps,
      input.tenantId,
      input.reply.from,
      queueFullLine(),
      input.reply.messageId,
      'queue-full',
    );
    return askAgain(deps, request);
  }
  return askAgain(deps, { ...request, deferred: deferredFrom(input.reply, text) });
}

async function confirmRequest(deps: ConversationDependencies, request: OwnerRequest): Promise<StepResult> {
  try {
    const confirmed = confirm(request, request.version, deps.clock.now());
    await deps.conversations.saveRequest(confirmed, request.version);
    await takeUpDeferred(deps, request);
    return { requestId: request.requestId, next: 'create' };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'confirmation_outdated')
      return askAgain(deps, request);
    throw error;
  }
}

/** "Cancelar o boleto de R$ 150,00 de Pedro…?": only the Sim for this request and version cancels. */
async function decideCancellation(
  deps: ConversationDependencies,
  request: OwnerRequest,
  input: ReplyInput,
): Promise<StepResult> {
  if (request.status === 'confirmed') return executeCancellation(deps, request); // a retried step
  if (request.status !== 'awaiting_confirmation') {
    await replyOnce(
      deps,
      input.tenantId,
      input.reply.from,
      replies.alreadyDecided(),
      input.reply.messageId,
      'already-decided',
    );
    return DONE;
  }
  const button = parseConfirmationButton(input.reply.content);
  let decision: 'confirm' | 'deny' | undefined;
  if (button) {
    if (button.requestId !== request.requestId || button.version !== request.version) {
      await replyOnce(
        deps,
        input.tenantId,
        input.reply.from,
        replies.confirmationRefused(),
        input.reply.messageId,
        'confirmation-refused',
      );
      return askAgain(deps, request);
    }
    decision = button.decision;
  } else {
    const text = await textOf(input.reply.content, deps.transcriber);
    const interpretation = await deps.language.interpret({ text, today: saoPauloDateOf(deps.clock.now()) });
    if (isAnotherRequest(request, interpretation, () => false)) {
      return keepForAfter(deps, request, input, text);
    }
    const { intent } = interpretation;
    decision = intent === 'confirm' ? 'confirm' : intent === 'deny' ? 'deny' : undefined;
  }
  if (decision === 'deny') return cancelRequest(deps, request, input.reply.messageId);
  if (decision !== 'confirm') return askAgain(deps, request);
  const confirmed = confirm(request, request.version, deps.clock.now());
  await deps.conversations.saveRequest(confirmed, request.version);
  await takeUpDeferred(deps, request);
  return executeCancellation(deps, confirmed);
}

async function executeCancellation(
  deps: ConversationDependencies,
  confirmed: OwnerRequest,
): Promise<StepResult> {
  const { tenantId, requestId, ownerPhone, cancelBoletoId } = confirmed;
  if (!cancelBoletoId) return DONE;
  await deps.cancellation.cancel({
    tenantId,
    boletoId: cancelBoletoId,
    requestedBy: ownerPhone,
    ...(confirmed.memberId && { memberId: confirmed.memberId }),
    replyTo: { phone: ownerPhone, correlationId: requestId },
  });
  await deps.conversations.saveRequest(close(confirmed, 'completed', deps.clock.now()), confirmed.version);
  await deps.conversations.release(tenantId, ownerPhone, requestId);
  return DONE;
}
