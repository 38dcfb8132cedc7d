import type { ConversationDependencies } from '#application/conversation/conversation-dependencies';
import { CONVERSATION_ACTOR } from '#application/conversation/creation-audit';
import { endCreationAttempt } from '#application/conversation/fail-creation';
import { replyOnce } from '#application/conversation/reply-once';
import { BoletoNotFoundAtProviderError } from '#application/ports/billing-provider';
import { amendedTerms } from '#domain/boleto-amendment';
import { type OwnerRequest, payerName } from '#domain/owner-request';
import { amendmentTexts } from './amendment-texts-pt-br';

/**
 * The second half of an amendment, run by the create path once the new boleto is issued at the provider and
 * before it is sent: cancel the replaced boleto (at the provider first, then here, its reminders stopped, the
 * payer NOT sent a cancellation notice: the new boleto is the one message they get), link old and new in both
 * audit trails, and tell the owner. Returns false when the old boleto was paid meanwhile: then the new one is
 * cancelled at the provider, never sent, and the request ends `failed` with the owner told why.
 *
 * Order (docs/decisions.md, "Amendments"): new first, old second, so a provider failure never leaves the payer
 * without a payable boleto; until the old one is cancelled the new one has not reached the payer. Safe to
 * repeat: an old boleto cancelled by an earlier try answers `already_cancelled`, ids derive from the boletos.
 */
export async function retireReplacedBoleto(
  deps: ConversationDependencies,
  request: OwnerRequest,
  newProviderId: string,
): Promise<boolean> {
  const old = request.amendment?.replaces;
  const newBoletoId = request.boletoId;
  if (request.kind !== 'amend_boleto' || !old || !request.amendment || !newBoletoId) return true;
  const { outcome } = await deps.cancellation.cancel({
    tenantId: request.tenantId,
    boletoId: old.boletoId,
    requestedBy: request.ownerPhone,
    notifyContact: false,
  });
  const name = payerName(request);
  if (outcome === 'already_paid') {
    await cancelNewAtProvider(deps, newProviderId);
    await endCreationAttempt(deps, request, {
      reason: 'replaced_boleto_paid',
      ownerText: amendmentTexts.oldWasPaid(name, old),
    });
    return false;
  }
  const at = deps.clock.now().toISOString();
  const link = (boletoId: string, kind: 'replaced_by' | 'replaces', other: string) =>
    deps.boletoActivity.record({
      tenantId: request.tenantId,
      boletoId,
      activityId: `${kind}:${other}`,
      kind,
      at,
      actor: CONVERSATION_ACTOR,
      detail: kind === 'replaced_by' ? { replacedBy: other } : { replaces: other },
    });
  await link(old.boletoId, 'replaced_by', newBoletoId);
  await link(newBoletoId, 'replaces', old.boletoId);
  const text = amendmentTexts.replaced(name, old, amendedTerms(request.amendment, old));
  await replyOnce(deps, request.tenantId, request.ownerPhone, text, request.requestId, 'amended');
  return true;
}

async function cancelNewAtProvider(deps: ConversationDependencies, providerId: string): Promise<void> {
  try {
    await deps.billing.cancelBoleto(providerId);
  } catch (error) {
    if (!(error instanceof BoletoNotFoundAtProviderError)) throw error;
  }
}
