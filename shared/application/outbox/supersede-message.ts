import type { BoletoActivityLog } from '#application/ports/boleto-activity-log';
import type { IdGenerator } from '#application/ports/id-generator';
import type { OutboxRepository } from '#application/ports/outbox-repository';
import type { UnitOfWork } from '#application/ports/unit-of-work';
import type { OutboxMessage, SupersededReason } from '#domain/outbox-message';
import { deliveryActor, recordMessageActivity } from './message-audit';
import type { OutboxLogger } from './outbox-logger';

/**
 * Drops a message that is no longer true: claim it without charging any daily counter (so no other worker
 * sends it meanwhile), then end it `superseded` with the reason, audited against its boleto, in one
 * transaction. `false` when the claim was lost (another worker holds or finished it).
 */
export async function supersedeMessage(
  deps: {
    outbox: OutboxRepository;
    unitOfWork: UnitOfWork;
    ids: IdGenerator;
    boletoActivity: BoletoActivityLog;
    logger?: OutboxLogger;
  },
  message: OutboxMessage,
  reason: SupersededReason,
  at: { now: Date; staleBefore: Date; boletoVersion?: number },
): Promise<boolean> {
  const claimToken = deps.ids.newId();
  const claim = await deps.outbox.claim({
    tenantId: message.tenantId,
    outboxId: message.id,
    claimToken,
    now: at.now,
    staleBefore: at.staleBefore,
  });
  if (!claim.claimed) return false;
  await deps.unitOfWork.run(async (tx) => {
    await deps.outbox.markSuperseded(
      { tenantId: message.tenantId, outboxId: message.id, claimToken, reason, at: at.now },
      tx,
    );
    await recordMessageActivity(
      deps.boletoActivity,
      message,
      {
        kind: 'message_superseded',
        at: at.now,
        actor: deliveryActor(message),
        ...(at.boletoVersion !== undefined ? { boletoVersion: at.boletoVersion } : {}),
        detail: { reason },
      },
      tx,
    );
  });
  deps.logger?.info('outbox message superseded: no longer true', { outboxId: message.id, reason });
  return true;
}
