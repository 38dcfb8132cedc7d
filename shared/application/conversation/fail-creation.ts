import { failBoletoCreation } from '#domain/boleto';
import { newOutboxMessage, ownerReply } from '#domain/outbox-message';
import {
  advance,
  close,
  type OwnerRequest,
  type RejectedPayerField,
  reopenForRejectedPayer,
} from '#domain/owner-request';
import type { ConversationDependencies } from './conversation-dependencies';
import { CONVERSATION_ACTOR, recordCreationFailed } from './creation-audit';
import { deterministicId } from './deterministic-id';
import { newContactIdOf } from './prepare-local-boleto';
import { requestRules } from './start-request';

export interface CreationFailure {
  /** A code for the audit trail and the boleto (`provider_rejected:payer.email`, `provider_unavailable`, …). */
  reason: string;
  /** Reopen the request to ask the owner for this payer detail (the workflow then asks). */
  reopenFor?: RejectedPayerField;
  /** Otherwise the request closes `failed` and the owner is told this, in the same transaction. */
  ownerText?: string;
}

/**
 * Ends the current creation attempt for good, leaving no debris: the local boleto (still `requested`) ends
 * `failed` with the reason and its audit entry, a contact written only for it is removed, and the request either
 * reopens for the refused payer detail or closes `failed` with the owner's message — one transaction. A boleto
 * that got further than `requested` is left to the caller. Safe to run again (the request is read fresh).
 */
export async function endCreationAttempt(
  deps: ConversationDependencies,
  request: OwnerRequest,
  failure: CreationFailure,
): Promise<OwnerRequest> {
  const now = deps.clock.now();
  const ctx = { actor: CONVERSATION_ACTOR, at: now.toISOString() };
  const boleto = request.boletoId ? await deps.boletos.get(request.tenantId, request.boletoId) : undefined;
  const change = boleto?.status === 'requested' ? failBoletoCreation(boleto, failure.reason, ctx) : undefined;
  const orphan = boleto ? await orphanContact(deps, request, boleto.id, boleto.contactId) : undefined;
  const next = failure.reopenFor
    ? advance(
        reopenForRejectedPayer(request, failure.reopenFor, now),
        await requestRules(deps, request.tenantId),
        now,
      )
    : close(request, 'failed', now);
  const attempt = String(request.creationAttempt ?? 0);
  await deps.unitOfWork.run(async (tx) => {
    if (boleto && change && change.events.length > 0) {
      await deps.boletos.update(change, boleto.version, tx);
      await recordCreationFailed(deps.boletoActivity, change.boleto, failure.reason, ctx.at, tx);
    }
    if (orphan) await deps.contacts.remove(orphan, tx);
    await deps.conversations.saveRequest(next, request.version, tx);
    if (failure.ownerText) {
      const message = newOutboxMessage(ownerReply(request.ownerPhone, failure.ownerText, request.requestId), {
        id: deterministicId(request.tenantId, request.requestId, 'creation-failed', attempt),
        tenantId: request.tenantId,
        now,
      });
      await deps.outbox.add(message, tx);
    }
  });
  deps.logger.warn('boleto creation ended', {
    requestId: request.requestId,
    boletoId: boleto?.id,
    reason: failure.reason,
    reopened: Boolean(failure.reopenFor),
  });
  if (next.status === 'failed') {
    await deps.conversations.release(request.tenantId, request.ownerPhone, request.requestId);
  }
  return next;
}

/** The contact this request created, if no other boleto (that still counts) uses it. */
async function orphanContact(
  deps: ConversationDependencies,
  request: OwnerRequest,
  boletoId: string,
  contactId: string,
) {
  if (contactId !== newContactIdOf(request)) return undefined;
  const others = (await deps.boletos.listByContact(request.tenantId, contactId)).filter(
    (other) => other.id !== boletoId && other.status !== 'failed',
  );
  if (others.length > 0) return undefined;
  return deps.contacts.get(request.tenantId, contactId);
}
