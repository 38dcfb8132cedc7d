import { findContactByName, whichContactText } from '#application/owner-queries/find-contact';
import { isOpen } from '#domain/boleto';
import type { OwnerRequest } from '#domain/owner-request';
import type { E164 } from '#domain/phone-number';
import type { ConversationDependencies } from './conversation-dependencies';
import { deterministicId } from './deterministic-id';
import { replyOnce } from './reply-once';
import { DONE, type StepResult } from './step-result';

/**
 * "cancela o boleto do Pedro": when exactly one open boleto of a surely identified contact matches, a
 * cancellation request is opened and the owner must confirm it (it ends a charge; a misread message must not);
 * otherwise IRIS says why it cannot tell which boleto.
 */
export async function startCancelRequest(
  deps: ConversationDependencies,
  input: { tenantId: string; ownerPhone: E164; messageId: string; contactName: string | null },
): Promise<StepResult> {
  const reply = (text: string) =>
    replyOnce(deps, input.tenantId, input.ownerPhone, text, input.messageId, 'cancel');
  if (!input.contactName) {
    await reply('De quem é o boleto que você quer cancelar? Ex.: "cancela o boleto do Pedro"');
    return DONE;
  }
  const lookup = await findContactByName(deps, input.tenantId, input.contactName);
  if (lookup.kind !== 'found') {
    await reply(whichContactText(input.contactName, lookup) ?? '');
    return DONE;
  }
  const open = (await deps.boletos.listByContact(input.tenantId, lookup.contact.contactId)).filter(isOpen);
  const [boleto] = open;
  if (!boleto || open.length > 1) {
    await reply(
      open.length === 0
        ? `${lookup.contact.name} não tem boleto em aberto.`
        : `${lookup.contact.name} tem ${open.length} boletos em aberto. Por enquanto cancelo um por vez: veja em "quem está devendo?".`,
    );
    return DONE;
  }
  const requestId = deterministicId('request', input.tenantId, input.messageId);
  if (await deps.conversations.getRequest(input.tenantId, requestId)) return { requestId, next: 'confirm' };
  const now = deps.clock.now().toISOString();
  const request: OwnerRequest = {
    tenantId: input.tenantId,
    requestId,
    ownerPhone: input.ownerPhone,
    kind: 'cancel_boleto',
    cancelBoletoId: boleto.id,
    status: 'awaiting_confirmation',
    version: 1,
    amountCents: boleto.amountCents,
    dueDate: boleto.dueDate,
    contactId: lookup.contact.contactId,
    contactDisplayName: lookup.contact.name,
    contactName: input.contactName,
    createdAt: now,
    updatedAt: now,
  };
  await deps.conversations.saveRequest(request, undefined);
  return { requestId, next: 'confirm' };
}
