import { changeConfirmationText } from '#application/amendments/change-requests';
import { collectionsConfirmationText } from '#application/collections/collections-requests';
import { keptForAfterLine } from '#application/dialogues/deferred-request';
import { memberConfirmationText } from '#application/members/member-requests';
import { PreconditionFailedError } from '#application/ports/persistence-errors';
import { recurringConfirmationText } from '#application/recurring/recurring-confirmation';
import { formatBrl } from '#domain/money';
import type { NewOutboxMessage } from '#domain/outbox-message';
import { newOutboxMessage } from '#domain/outbox-message';
import { type OwnerRequest, payerName } from '#domain/owner-request';
import type { ConversationDependencies } from './conversation-dependencies';
import { deterministicId } from './deterministic-id';
import { confirmationButtonId } from './owner-text';
import { questionText } from './question-text';
import { CONFIRMATION_BUTTON_TITLES, replies } from './replies-pt-br';
import { loadOpenRequest, requireTenant } from './request-loading';

export interface AskInput {
  tenantId: string;
  requestId: string;
  /** The waiting Task's token: the owner's next message resumes it. */
  taskToken: string;
}

/**
 * Parks the request until the owner answers: stores the task token with the conversation (with the request
 * version it asks about) and queues the question, in one transaction. `kind` decides between a clarifying
 * question and the final confirmation with Sim/Não buttons bound to this version of the request.
 */
export async function askOwner(
  deps: ConversationDependencies,
  input: AskInput,
  kind: 'answer' | 'confirmation',
): Promise<void> {
  const request = await loadOpenRequest(deps, input.tenantId, input.requestId);
  if (!request) return; // decided meanwhile: the waiting Task simply times out, nothing is asked
  const tenant = await requireTenant(deps, input.tenantId);
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + deps.settings.confirmationTimeoutSeconds * 1000);

  let content: NewOutboxMessage['content'];
  if (kind === 'confirmation') {
    const summary = {
      amountCents: request.amountCents ?? 0,
      contactName: payerName(request),
      dueDate: request.dueDate ?? (now.toISOString().slice(0, 10) as never),
    };
    const question =
      changeConfirmationText(request) ??
      memberConfirmationText(request) ??
      collectionsConfirmationText(request) ??
      (request.kind === 'create_recurring' || request.kind === 'stop_recurring'
        ? recurringConfirmationText(request)
        : request.kind === 'cancel_boleto'
          ? replies.confirmCancel(formatBrl, summary)
          : (request.confirmationsAsked ?? 0) > 0
            ? replies.stillAwaitingConfirmation(formatBrl, summary)
            : replies.confirmBoleto(formatBrl, summary, Boolean(request.newContact)));
    const optedOut = (await payerOptedOut(deps, request))
      ? `${question}\n${replies.optedOutWarning(summary.contactName)}`
      : question;
    const text = request.deferred ? `${optedOut}\n${keptForAfterLine(request.deferred)}` : optedOut;
    content = {
      type: 'buttons',
      text,
      buttons: [
        {
          id: confirmationButtonId('confirm', request.requestId, request.version),
          title: CONFIRMATION_BUTTON_TITLES.confirm,
        },
        {
          id: confirmationButtonId('deny', request.requestId, request.version),
          title: CONFIRMATION_BUTTON_TITLES.deny,
        },
      ],
    };
  } else {
    content = {
      type: 'text',
      text: questionText(request, deps.settings, tenant.limits.maxBoletoAmountCents),
    };
  }

  const message = newOutboxMessage(
    {
      channel: 'whatsapp',
      kind: 'owner_reply',
      recipient: request.ownerPhone,
      audience: 'owner',
      content,
      correlationId: request.requestId,
    },
    {
      // One question per (request version, kind): a retried step re-stores the token and queues nothing new.
      id: deterministicId(input.tenantId, request.requestId, String(request.version), kind),
      tenantId: input.tenantId,
      now,
    },
  );
  const awaiting = {
    requestId: request.requestId,
    kind,
    taskToken: input.taskToken,
    requestVersion: request.version,
    since: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  };
  try {
    await deps.unitOfWork.run(async (tx) => {
      await deps.conversations.setAwaiting(input.tenantId, request.ownerPhone, awaiting, tx);
      await deps.outbox.add(message, tx);
    });
  } catch (error) {
    if (!(error instanceof PreconditionFailedError)) throw error;
    // The question was queued by an earlier try of this step; only the (new) token needs storing.
    await deps.conversations.setAwaiting(input.tenantId, request.ownerPhone, awaiting);
  }
}

/** A new boleto for a contact who sent PARAR: the confirmation must say it will not reach them on WhatsApp. */
async function payerOptedOut(deps: ConversationDependencies, request: OwnerRequest): Promise<boolean> {
  if (request.kind === 'cancel_boleto' || request.kind === 'stop_recurring' || !request.contactId)
    return false;
  const contact = await deps.contacts.get(request.tenantId, request.contactId);
  return contact?.optedOut === true;
}
