import { takeUpDeferred } from '#application/dialogues/deferred-request';
import { cancelBoleto } from '#domain/boleto';
import { formatBrl } from '#domain/money';
import { close, isOpen, type OwnerRequest, payerName } from '#domain/owner-request';
import { normalizePhone } from '#domain/phone-number';
import type { ConversationDependencies } from './conversation-dependencies';
import type { RequestStepInput } from './create-boleto-at-provider';
import { CONVERSATION_ACTOR } from './creation-audit';
import { deterministicId } from './deterministic-id';
import { endCreationAttempt } from './fail-creation';
import { replies } from './replies-pt-br';
import { replyOnce } from './reply-once';
import { DONE, type StepResult } from './step-result';

/** Nobody answered in time: drop the request and tell the owner. */
export async function expireRequest(
  deps: ConversationDependencies,
  input: RequestStepInput,
): Promise<StepResult> {
  const request = await deps.conversations.getRequest(input.tenantId, input.requestId);
  if (!request || !isOpen(request)) return DONE;
  await deps.conversations.saveRequest(close(request, 'expired', deps.clock.now()), request.version);
  const text = replies.requestExpired(formatBrl, {
    amountCents: request.amountCents,
    contactName: payerName(request),
  });
  await replyOnce(deps, input.tenantId, request.ownerPhone, text, request.requestId, 'expired');
  await deps.conversations.release(input.tenantId, request.ownerPhone, request.requestId);
  await takeUpDeferred(deps, request);
  return DONE;
}

export interface FailureInput {
  /** The workflow's whole state when a step failed for good (the failure may precede any request). */
  state: {
    tenantId: string;
    message?: { messageId: string; from: string };
    step?: { requestId?: string };
    error?: { Error?: string; Cause?: string };
  };
}

/**
 * Undoes what a failed request left half-done: a billet created at the provider but never sent is cancelled
 * there; the local boleto still `requested` ends `failed` (a contact written only for it is removed), one that got
 * further is cancelled; the request closes `failed`.
 */
async function undoHalfCreated(
  deps: ConversationDependencies,
  request: OwnerRequest,
  error: string,
): Promise<void> {
  if (request.providerId) {
    try {
      await deps.billing.cancelBoleto(request.providerId);
    } catch (cause) {
      deps.logger.error('could not cancel the half-created boleto at the provider', {
        requestId: request.requestId,
        providerId: request.providerId,
        error: cause,
      });
      throw cause;
    }
  }
  const boleto = request.boletoId ? await deps.boletos.get(request.tenantId, request.boletoId) : undefined;
  if (boleto && boleto.status !== 'requested' && boleto.status !== 'failed') {
    const change = cancelBoleto(boleto, 'creation failed', {
      actor: CONVERSATION_ACTOR,
      at: deps.clock.now().toISOString(),
    });
    if (change.events.length > 0) await deps.boletos.update(change, boleto.version);
  }
  if (request.status === 'failed') return;
  await endCreationAttempt(deps, request, { reason: `creation_error:${error}` });
}

/**
 * A step failed after its retries: cancel anything half-created, close the request as failed and tell the
 * owner that nothing was charged. Safe to run again.
 */
export async function reportConversationFailure(
  deps: ConversationDependencies,
  input: FailureInput,
): Promise<StepResult> {
  const { state } = input;
  deps.logger.error('conversation failed', { tenantId: state.tenantId, error: state.error });
  const requestId =
    state.step?.requestId ??
    (state.message ? deterministicId('request', state.tenantId, state.message.messageId) : undefined);
  const request = requestId ? await deps.conversations.getRequest(state.tenantId, requestId) : undefined;
  if (request && request.status !== 'completed') {
    await undoHalfCreated(deps, request, errorCode(state.error?.Error));
    await deps.conversations.release(state.tenantId, request.ownerPhone, request.requestId);
  }
  const ownerPhone = request?.ownerPhone ?? (state.message ? normalizePhone(state.message.from) : undefined);
  if (ownerPhone) {
    const causeId = requestId ?? state.message?.messageId ?? 'unknown';
    await replyOnce(deps, state.tenantId, ownerPhone, replies.somethingWentWrong(), causeId, 'failed');
  }
  return DONE;
}

/** The failed step's error name as a code for the audit trail (never its message, which may carry data). */
function errorCode(name: string | undefined): string {
  const code = (name ?? 'unknown').replace(/[^A-Za-z0-9_.-]/g, '').slice(0, 60);
  return code || 'unknown';
}
