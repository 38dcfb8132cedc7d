import type { BoletoActivityLog } from '#application/ports/boleto-activity-log';
import type { TransactionContext } from '#application/ports/unit-of-work';
import type { ActivityDetail, BoletoActivityKind } from '#domain/boleto-activity';
import type { Actor } from '#domain/boleto-events';
import { type OutboxMessage, subjectOf } from '#domain/outbox-message';

/**
 * The audit trail of a message about a boleto: queued, deferred, sent, delivered, read, failed, superseded,
 * recorded against that boleto with ids, kinds and reasons only (never the text, phone or e-mail).
 * One activity per (kind, message), plus the deferral's `until`, so retries record it once.
 */

export type MessageActivityKind = Extract<
  BoletoActivityKind,
  | 'message_queued'
  | 'message_deferred'
  | 'message_sent'
  | 'message_delivered'
  | 'message_read'
  | 'message_failed'
  | 'message_superseded'
>;

export interface MessageActivity {
  kind: MessageActivityKind;
  at: Date;
  actor: Actor;
  boletoVersion?: number;
  /** Extra facts (reason, until, sentAs); ids and codes only. */
  detail?: ActivityDetail;
  /** Distinguishes repeated activities of one kind (a deferral's `until`). */
  discriminator?: string;
}

export function deliveryActor(message: Pick<OutboxMessage, 'channel'>): Actor {
  return { kind: 'system', id: `${message.channel}-delivery` };
}

/** Records `activity` for `message` when it is about a boleto; staged into `tx` when given. */
export async function recordMessageActivity(
  log: BoletoActivityLog,
  message: OutboxMessage,
  activity: MessageActivity,
  tx?: TransactionContext,
): Promise<void> {
  if (!message.boletoId) return;
  const subject = subjectOf(message);
  const suffix = activity.discriminator ? `:${activity.discriminator}` : '';
  await log.record(
    {
      tenantId: message.tenantId,
      boletoId: message.boletoId,
      activityId: `${activity.kind}:${message.id}${suffix}`,
      kind: activity.kind,
      at: activity.at.toISOString(),
      actor: activity.actor,
      ...(activity.boletoVersion !== undefined ? { boletoVersion: activity.boletoVersion } : {}),
      detail: {
        outboxId: message.id,
        messageKind: message.kind,
        channel: message.channel,
        audience: message.audience,
        ...(subject ? { holdsWhile: subject.holdsWhile } : {}),
        ...activity.detail,
      },
    },
    tx,
  );
}
