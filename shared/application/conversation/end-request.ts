import { cancelBoleto } from '../../domain/boleto';
import { formatBrl } from '../../domain/money';
import { close, isOpen, type OwnerRequest, payerName } from '../../domain/owner-request';
import { normalizePhone } from '../../domain/phone-number';
import type { ConversationDependencies } from './conversation-dependencies';
import type { RequestStepInput } from './create-boleto-at-provider';
import { deterministicId } from './deterministic-id';
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

/** Undoes what a failed request left half-done: a boleto created at the provider but never sent is cancelled. */
async function undoProviderBoleto(deps: ConversationDependencies, request: OwnerRequest): Promise<void> {
  if (!request.providerId || request.status === 'completed') return;
  try {
    await deps.billing.cancelBoleto(request.providerId);
  } catch (error) {
    deps.logger.error('could not cancel the half-created boleto at the provider', {
      requestId: request.requestId,
      providerId: request.providerId,
      error,
    });
    throw error;
  }
  if (!request.boletoId) return;
  const boleto = await deps.boletos.get(request.tenantId, request.boletoId);
  if (!boleto) return;
  const change = cancelBoleto(boleto, 'creation failed', {
    actor: { kind: 'system', id: 'conversation' },
    at: deps.clock.now().toISOString(),
  });
  if (change.events.length > 0) await deps.boletos.update(change, boleto.version);
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
    await undoProviderBoleto(deps, request);
    if (request.status !== 'failed') {
      await deps.conversations.saveRequest(close(request, 'failed', deps.clock.now()), request.version);
    }
    await deps.conversations.release(state.tenantId, request.ownerPhone, request.requestId);
  }
  const ownerPhone = request?.ownerPhone ?? (state.message ? normalizePhone(state.message.from) : undefined);
  if (ownerPhone) {
    const causeId = requestId ?? state.message?.messageId ?? 'unknown';
    await replyOnce(deps, state.tenantId, ownerPhone, replies.somethingWentWrong(), causeId, 'failed');
  }
  return DONE;
}
