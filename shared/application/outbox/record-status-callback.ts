import type { BoletoActivityLog } from '#application/ports/boleto-activity-log';
import type { BoletoRepository } from '#application/ports/boleto-repository';
import type { Clock } from '#application/ports/clock';
import type { ContactRepository } from '#application/ports/contact-repository';
import type { IdGenerator } from '#application/ports/id-generator';
import {
  type CallbackStatus,
  type OutboxRepository,
  OutboxTransitionRejectedError,
} from '#application/ports/outbox-repository';
import type { UnitOfWork } from '#application/ports/unit-of-work';
import type { UserRepository } from '#application/ports/user-repository';
import type { NewOutboxMessage, OutboxMessage } from '#domain/outbox-message';
import { addToOutbox } from './add-to-outbox';
import { type MessageActivityKind, recordMessageActivity } from './message-audit';
import type { OutboxLogger } from './outbox-logger';
import { failureNotices } from './send-outcome-report';

export interface StatusCallbackInput {
  tenantId: string;
  /** WhatsApp `wamid…` (or the SES message id) the provider returned when we sent. */
  providerMessageId: string;
  status: CallbackStatus;
  /** The provider's timestamp of the event. */
  at: Date;
  /** For `failed`: why (e.g. the classification of Meta's error code: `invalid_recipient`). */
  reason?: string;
  error?: string;
}

export type StatusCallbackOutcome =
  | { outcome: 'applied'; outboxId: string }
  /** Already at or past this status (out-of-order or repeated callback): nothing changed. */
  | { outcome: 'stale'; outboxId: string }
  /**
   * No outbox item has this provider id (not ours, expired, or the callback beat our `sent` record by a few
   * milliseconds). The webhook may answer non-2xx to have Meta retry later.
   */
  | { outcome: 'unknown_message' };

export interface RecordStatusCallbackDeps {
  outbox: OutboxRepository;
  unitOfWork: UnitOfWork;
  users: Pick<UserRepository, 'list'>;
  /** For a failed boleto message: the boleto (line, PDF, Pix for the owner to forward) and the payer's name. */
  boletos: Pick<BoletoRepository, 'get'>;
  contacts: Pick<ContactRepository, 'get'>;
  boletoActivity: BoletoActivityLog;
  clock: Clock;
  ids: IdGenerator;
  logger?: OutboxLogger;
}

/**
 * A provider status callback (the WhatsApp webhook calls this for every status event): moves the outbox item
 * forward to delivered / read, or to failed with the owner told in the same transaction (a free-form message
 * refused for the closed 24-hour window is re-sent as its template instead). Replays and out-of-order
 * callbacks change nothing (`stale`).
 */
export async function recordStatusCallback(
  deps: RecordStatusCallbackDeps,
  input: StatusCallbackInput,
): Promise<StatusCallbackOutcome> {
  const message = await deps.outbox.findByProviderMessageId(input.tenantId, input.providerMessageId);
  if (!message) return { outcome: 'unknown_message' };
  const reason = input.reason ?? 'provider_failed';
  const resend = input.status === 'failed' ? templateResendOf(message, reason) : undefined;
  const { notices, firstReport } =
    input.status === 'failed' && !resend
      ? await failureNotices(deps, message, reason, await factsOf(deps, message), true)
      : { notices: [], firstReport: false };
  try {
    await deps.unitOfWork.run(async (tx) => {
      await deps.outbox.applyCallbackStatus(
        {
          tenantId: input.tenantId,
          outboxId: message.id,
          status: input.status,
          at: input.at,
          ...(input.status === 'failed' ? { reason } : {}),
          ...(input.error ? { error: input.error.slice(0, 500) } : {}),
          ...(firstReport ? { outcomeReported: true } : {}),
        },
        tx,
      );
      await recordMessageActivity(
        deps.boletoActivity,
        message,
        {
          kind: ACTIVITY_BY_STATUS[input.status],
          at: input.at,
          actor: { kind: 'provider', id: message.channel },
          ...(input.status === 'failed'
            ? { detail: { reason, resentAsTemplate: resend !== undefined } }
            : {}),
        },
        tx,
      );
      const now = deps.clock.now();
      if (resend) await addToOutbox(deps, tx, input.tenantId, resend, now);
      for (const notice of notices) await addToOutbox(deps, tx, input.tenantId, notice, now);
    });
  } catch (error) {
    if (error instanceof OutboxTransitionRejectedError) return { outcome: 'stale', outboxId: message.id };
    throw error;
  }
  if (input.status === 'failed') {
    deps.logger?.warn('provider reported an outbox message failed', {
      outboxId: message.id,
      reason,
      resentAsTemplate: resend !== undefined,
    });
  }
  return { outcome: 'applied', outboxId: message.id };
}

const ACTIVITY_BY_STATUS: Record<CallbackStatus, MessageActivityKind> = {
  sent: 'message_sent',
  delivered: 'message_delivered',
  read: 'message_read',
  failed: 'message_failed',
};

async function factsOf(deps: RecordStatusCallbackDeps, message: OutboxMessage) {
  const [boleto, contact] = await Promise.all([
    message.boletoId ? deps.boletos.get(message.tenantId, message.boletoId) : undefined,
    message.contactId ? deps.contacts.get(message.tenantId, message.contactId) : undefined,
  ]);
  return { ...(boleto ? { boleto } : {}), ...(contact ? { contact } : {}) };
}

/**
 * Meta often accepts a free-form message outside the 24-hour window and only then reports it failed (131047).
 * Such a message is re-sent as a new outbox item that goes straight to the approved template, committed with
 * the `failed` of the original; the owner is told only if that one fails too.
 */
function templateResendOf(message: OutboxMessage, reason: string): NewOutboxMessage | undefined {
  if (reason !== 'outside_24h_window' || message.channel !== 'whatsapp' || message.sentAs !== 'free_form') {
    return undefined;
  }
  return {
    channel: message.channel,
    kind: message.kind,
    recipient: message.recipient,
    audience: message.audience,
    content: message.content,
    correlationId: message.correlationId,
    ...(message.template ? { template: message.template } : {}),
    ...(message.boletoId ? { boletoId: message.boletoId } : {}),
    ...(message.about ? { about: message.about } : {}),
    // The owner hears the first outcome once: a resend of a send already reported is not reported again.
    ...(message.reportOutcomeTo && !message.outcomeReportedAt
      ? { reportOutcomeTo: message.reportOutcomeTo }
      : {}),
    ...(message.contactId ? { contactId: message.contactId } : {}),
    forceTemplate: true,
    replacesOutboxId: message.id,
  };
}
