import type { BoletoActivityLog } from '#application/ports/boleto-activity-log';
import type { TransactionContext } from '#application/ports/unit-of-work';
import type { Boleto } from '#domain/boleto';
import type { ActivityDetail, BoletoActivity, BoletoActivityKind } from '#domain/boleto-activity';
import type { Actor } from '#domain/boleto-events';
import type { OwnerRequest } from '#domain/owner-request';

/**
 * The creation path's entries in the boleto's activity log: the confirmation asked and answered (recorded with
 * the `requested` boleto, at the instants they happened), every attempt at the provider with its outcome, and a
 * creation that failed for good. Details carry ids, codes and counts only, never a person's data.
 */

export const CONVERSATION_ACTOR: Actor = { kind: 'system', id: 'conversation' };

function activity(
  boleto: Boleto,
  kind: BoletoActivityKind,
  activityId: string,
  at: string,
  actor: Actor,
  detail?: ActivityDetail,
): BoletoActivity {
  return {
    tenantId: boleto.tenantId,
    boletoId: boleto.id,
    activityId,
    kind,
    at,
    actor,
    boletoVersion: boleto.version,
    ...(detail ? { detail } : {}),
  };
}

/** "Confirma boleto…?" and the owner's yes, written with the boleto they produced. */
export async function recordConfirmation(
  log: BoletoActivityLog,
  boleto: Boleto,
  request: OwnerRequest,
  tx: TransactionContext,
): Promise<void> {
  const detail = { requestId: request.requestId, requestVersion: request.version };
  if (request.confirmationAskedAt) {
    await log.record(
      activity(
        boleto,
        'confirmation_requested',
        'confirmation_requested',
        request.confirmationAskedAt,
        CONVERSATION_ACTOR,
        detail,
      ),
      tx,
    );
  }
  await log.record(
    activity(
      boleto,
      'confirmation_answered',
      'confirmation_answered',
      request.confirmedAt ?? boleto.createdAt,
      { kind: 'owner', id: request.ownerPhone, ...(request.memberId && { memberId: request.memberId }) },
      { ...detail, answer: 'confirm' },
    ),
    tx,
  );
}

export type AttemptOutcome = 'created' | 'found' | 'rejected' | 'unavailable';

/** One call (or look-then-call) at the provider; the id is the attempt's instant, so each try is one entry. */
export async function recordCreationAttempt(
  log: BoletoActivityLog,
  boleto: Boleto,
  attempt: { at: Date; outcome: AttemptOutcome; lookedFirst: boolean; providerId?: string; reason?: string },
): Promise<void> {
  const at = attempt.at.toISOString();
  await log.record(
    activity(boleto, 'creation_attempted', `creation_attempted:${at}`, at, CONVERSATION_ACTOR, {
      outcome: attempt.outcome,
      lookedFirst: attempt.lookedFirst,
      ...(attempt.providerId ? { providerId: attempt.providerId } : {}),
      ...(attempt.reason ? { reason: attempt.reason } : {}),
    }),
  );
}

export async function recordCreationFailed(
  log: BoletoActivityLog,
  failed: Boleto,
  reason: string,
  at: string,
  tx: TransactionContext,
): Promise<void> {
  await log.record(
    activity(failed, 'creation_failed', 'creation_failed', at, CONVERSATION_ACTOR, { reason }),
    tx,
  );
}
