import { saoPauloDateOf } from '#domain/calendar-date';
import { formatBrl } from '#domain/money';
import { noteProviderOutage, type OwnerRequest, payerName } from '#domain/owner-request';
import type { ConversationDependencies } from './conversation-dependencies';
import type { RequestStepInput } from './create-boleto-at-provider';
import { endCreationAttempt } from './fail-creation';
import { replies } from './replies-pt-br';
import { replyOnce } from './reply-once';
import { loadRequest } from './request-loading';
import { DONE, type StepResult } from './step-result';

/**
 * Degraded mode. The provider stayed unreachable through the create (or register) step's quick retries, or its
 * circuit is open: instead of failing, the confirmed request waits in the workflow (a Wait state, on the outage
 * path only) and is tried again, the waits growing with the outage (as long as it has lasted so far, between 1
 * and 30 minutes). The owner hears it once, at once. Past the horizon (24 h from that notice) or once the due date
 * has passed, the boleto ends `failed` and the owner is told. The command key and "look before re-creating" keep
 * it to one billet whatever happens in between.
 */
export const PROVIDER_OUTAGE_HORIZON_MS = 24 * 60 * 60 * 1000;
const MIN_WAIT_MS = 60 * 1000;
const MAX_WAIT_MS = 30 * 60 * 1000;

export async function waitForProvider(
  deps: ConversationDependencies,
  input: RequestStepInput,
): Promise<StepResult> {
  const request = await loadRequest(deps, input.tenantId, input.requestId);
  if (request.status !== 'confirmed') return DONE; // decided meanwhile (a retried step)
  const now = deps.clock.now();
  const noted = noteProviderOutage(request, now);
  if (noted !== request) {
    await deps.conversations.saveRequest(noted, request.version);
    await replyOnce(
      deps,
      input.tenantId,
      request.ownerPhone,
      replies.providerDown(),
      request.requestId,
      'provider-down',
    );
    await deps.conversations.release(input.tenantId, request.ownerPhone, request.requestId);
  }
  const since = Date.parse(noted.providerOutageSince ?? now.toISOString());
  const lasted = now.getTime() - since;
  if (lasted >= PROVIDER_OUTAGE_HORIZON_MS || dueDatePassed(noted, now)) return giveUp(deps, noted);
  const waitMs = Math.min(MAX_WAIT_MS, Math.max(MIN_WAIT_MS, lasted));
  deps.logger.warn('provider unavailable: the confirmed request waits', {
    requestId: request.requestId,
    outageSince: noted.providerOutageSince,
    waitMs,
  });
  return {
    requestId: request.requestId,
    next: 'wait_provider',
    retryAt: new Date(now.getTime() + waitMs).toISOString(),
  };
}

function dueDatePassed(request: OwnerRequest, now: Date): boolean {
  return request.dueDate !== undefined && request.dueDate < saoPauloDateOf(now);
}

/** The horizon passed: a billet an unanswered call may have created is cancelled (best effort); ours ends failed. */
async function giveUp(deps: ConversationDependencies, request: OwnerRequest): Promise<StepResult> {
  if (request.providerId) {
    try {
      await deps.billing.cancelBoleto(request.providerId);
    } catch (error) {
      deps.logger.error('could not cancel the billet of a request given up during an outage', {
        requestId: request.requestId,
        providerId: request.providerId,
        error,
      });
    }
  }
  const summary = {
    amountCents: request.amountCents ?? 0,
    contactName: payerName(request),
    dueDate: request.dueDate ?? ('' as never),
  };
  await endCreationAttempt(deps, request, {
    reason: 'provider_unavailable',
    ownerText: replies.providerStillDown(formatBrl, summary),
  });
  return DONE;
}
