import { saoPauloDateOf } from '#domain/calendar-date';
import { close, confirm, type OwnerRequest } from '#domain/owner-request';
import { samePhone } from '#domain/phone-number';
import type { ConversationDependencies, ReplyInput } from './conversation-dependencies';
import { parseConfirmationButton, textOf } from './owner-text';
import { replies } from './replies-pt-br';
import { replyOnce } from './reply-once';
import { DONE, type StepResult } from './step-result';

/** What a request other than a boleto (a monthly plan, a team change) does once its summary is answered. */
export interface SideRequestOutcomes {
  /** The owner said no: what they are told, and the reply's purpose (its idempotency key part). */
  kept(request: OwnerRequest): { text: string; purpose: string };
  /** The owner said yes: carry the request out (retried whole, it must find what a previous try did). */
  carryOut(deps: ConversationDependencies, request: OwnerRequest, causeId: string): Promise<StepResult>;
}

/** Saves a new side request waiting for the asker's Sim (version 1); the workflow then asks for it. */
export async function awaitSideConfirmation(
  deps: Pick<ConversationDependencies, 'conversations' | 'clock'>,
  request: Omit<OwnerRequest, 'status' | 'version' | 'createdAt' | 'updatedAt'>,
): Promise<StepResult> {
  const now = deps.clock.now().toISOString();
  const waiting: OwnerRequest = {
    ...request,
    status: 'awaiting_confirmation',
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await deps.conversations.saveRequest(waiting, undefined);
  return { requestId: request.requestId, next: 'confirm' };
}

/**
 * The owner's answer to a side request's summary. Only the asker's Sim for this request and version, or an
 * explicit yes from their phone, acts; a no closes the request and keeps things as they were; anything else
 * asks again. A request already confirmed goes on to carry out (a retried step); one already decided says so.
 */
export async function decideSideRequest(
  deps: ConversationDependencies,
  request: OwnerRequest,
  input: ReplyInput,
  outcomes: SideRequestOutcomes,
): Promise<StepResult> {
  const causeId = input.reply.messageId;
  const reply = (text: string, purpose: string) =>
    replyOnce(deps, request.tenantId, request.ownerPhone, text, causeId, purpose);
  if (request.status === 'confirmed') return outcomes.carryOut(deps, request, causeId);
  if (request.status !== 'awaiting_confirmation') {
    await reply(replies.alreadyDecided(), 'already-decided');
    return DONE;
  }
  const decision = await decisionOf(deps, request, input);
  if (decision === 'deny') {
    await deps.conversations.saveRequest(close(request, 'cancelled', deps.clock.now()), request.version);
    const kept = outcomes.kept(request);
    await reply(kept.text, kept.purpose);
    await deps.conversations.release(request.tenantId, request.ownerPhone, request.requestId);
    return DONE;
  }
  if (decision !== 'confirm') {
    const again = {
      ...request,
      confirmationsAsked: (request.confirmationsAsked ?? 0) + 1,
      version: request.version + 1,
    };
    await deps.conversations.saveRequest(again, request.version);
    return { requestId: request.requestId, next: 'confirm' };
  }
  const confirmed = confirm(request, request.version, deps.clock.now());
  await deps.conversations.saveRequest(confirmed, request.version);
  return outcomes.carryOut(deps, confirmed, causeId);
}

async function decisionOf(
  deps: ConversationDependencies,
  request: OwnerRequest,
  input: ReplyInput,
): Promise<'confirm' | 'deny' | undefined> {
  if (!samePhone(input.reply.from, request.ownerPhone)) return undefined;
  const button = parseConfirmationButton(input.reply.content);
  if (button) {
    return button.requestId === request.requestId && button.version === request.version
      ? button.decision
      : undefined;
  }
  const text = await textOf(input.reply.content, deps.transcriber);
  const { intent } = await deps.language.interpret({ text, today: saoPauloDateOf(deps.clock.now()) });
  return intent === 'confirm' ? 'confirm' : intent === 'deny' ? 'deny' : undefined;
}
