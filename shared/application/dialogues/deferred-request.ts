import type { ConversationDependencies } from '#application/conversation/conversation-dependencies';
import type { OwnerMessageInput } from '#application/ports/workflows';
import type { DeferredMessage, OwnerRequest } from '#domain/owner-request';

/**
 * A new request while another awaits confirmation is never dropped (issue 12, rule 3): it is kept on the
 * waiting request, the confirmation is asked again with a line saying "Sim" keeps the waiting one and "Não"
 * drops it, and either way (or when the wait expires) the kept request is taken up as a conversation of its
 * own. The same carries the second charge of a message that asked for two ("cobra 150 do João e 200 da Maria").
 */

export function deferredFrom(message: OwnerMessageInput, text: string, suffix = ''): DeferredMessage {
  return {
    messageId: `${message.messageId}${suffix}`,
    from: message.from,
    text,
    receivedAt: message.receivedAt,
  };
}

/** Starts the conversation of the kept request, if any. Its execution is named after the message: once only. */
export async function takeUpDeferred(deps: ConversationDependencies, request: OwnerRequest): Promise<void> {
  const deferred = request.deferred;
  if (!deferred) return;
  deps.logger.info('taking up the request kept for after', {
    requestId: request.requestId,
    messageId: deferred.messageId,
  });
  await deps.workflows.startConversation({
    tenantId: request.tenantId,
    message: {
      messageId: deferred.messageId,
      from: deferred.from,
      content: { type: 'text', text: deferred.text },
      receivedAt: deferred.receivedAt,
    },
  });
}

/** The line added to a confirmation when a request waits behind it. */
export function keptForAfterLine(deferred: DeferredMessage): string {
  const quoted = deferred.text.length > 80 ? `${deferred.text.slice(0, 77)}...` : deferred.text;
  return `Depois sigo com o próximo pedido: "${quoted}". SIM confirma este primeiro; NÃO descarta este e sigo com o próximo.`;
}

/** The line when a request arrives while another already waits behind the confirmation. */
export function queueFullLine(): string {
  return 'Já tenho um pedido esperando a vez; mande este de novo depois que responder.';
}

/** Intents that never ask for something new while a confirmation waits. */
const NOT_A_NEW_REQUEST = new Set(['confirm', 'deny', 'unknown', 'help']);

/**
 * True when the message asks for something other than the waiting request: any request intent, except a charge
 * that names no one else (that is a correction: "cobra 200" while "R$ 150 para João" waits).
 */
export function isAnotherRequest(
  request: OwnerRequest,
  interpretation: { intent: string; contact: string | null },
  sameContact: (written: string) => boolean,
): boolean {
  if (NOT_A_NEW_REQUEST.has(interpretation.intent)) return false;
  if (interpretation.intent !== 'create_boleto' || request.kind === 'cancel_boleto') return true;
  return interpretation.contact != null && !sameContact(interpretation.contact);
}
