import { offerChoice } from '#application/dialogues/pending-choice';
import { findContactByName, whichContactText } from '#application/owner-queries/find-contact';
import type { Contact } from '#application/ports/contact-repository';
import { type Boleto, isOpen } from '#domain/boleto';
import type { OwnerRequest } from '#domain/owner-request';
import type { E164 } from '#domain/phone-number';
import type { ConversationDependencies } from './conversation-dependencies';
import { deterministicId } from './deterministic-id';
import { replyOnce } from './reply-once';
import { DONE, type StepResult } from './step-result';

export interface CancelInput {
  tenantId: string;
  ownerPhone: E164;
  /** The member who asked: named by the cancellation's audit entry. */
  memberId?: string;
  messageId: string;
  contactName: string | null;
  /** "cancela o de 150 do João", "o que vence dia 10": picks one of several open boletos directly. */
  amountCents?: number | null;
  dueDate?: string | null;
}

/** The open boletos the message's amount and due date point at (all of them when it names neither). */
function pointedAt(open: Boleto[], input: CancelInput): Boleto[] {
  return open.filter(
    (boleto) =>
      (input.amountCents == null || boleto.amountCents === input.amountCents) &&
      (input.dueDate == null || boleto.dueDate === input.dueDate),
  );
}

/**
 * "cancela o boleto do Pedro": when exactly one open boleto of a surely identified contact matches (the
 * message's amount or due date may pick it), a cancellation request is opened and the owner must confirm it
 * (it ends a charge; a misread message must not). Several contacts or several boletos → a numbered choice
 * (see dialogues/pending-choice.ts); none → IRIS says so.
 */
export async function startCancelRequest(
  deps: ConversationDependencies,
  input: CancelInput,
): Promise<StepResult> {
  const reply = (text: string) =>
    replyOnce(deps, input.tenantId, input.ownerPhone, text, input.messageId, 'cancel');
  if (!input.contactName) {
    await reply('De quem é o boleto que você quer cancelar? Ex.: "cancela o boleto do Pedro"');
    return DONE;
  }
  const lookup = await findContactByName(deps, input.tenantId, input.contactName);
  if (lookup.kind === 'uncertain') {
    const options = lookup.candidates.slice(0, 5).map((c) => ({ id: c.contactId, contactName: c.name }));
    return offerChoice(deps, input, 'cancel_contact', options, input.contactName);
  }
  if (lookup.kind !== 'found') {
    await reply(whichContactText(input.contactName, lookup) ?? '');
    return DONE;
  }
  const open = (await deps.boletos.listByContact(input.tenantId, lookup.contact.contactId)).filter(isOpen);
  if (open.length === 0) {
    await reply(`${lookup.contact.name} não tem boleto em aberto.`);
    return DONE;
  }
  const pointed = pointedAt(open, input);
  const [boleto] = pointed;
  if (!boleto || pointed.length > 1) {
    const candidates = (pointed.length > 1 ? pointed : open)
      .slice()
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
      .slice(0, 9);
    const options = candidates.map((b) => ({
      id: b.id,
      contactName: lookup.contact.name,
      amountCents: b.amountCents,
      dueDate: b.dueDate,
    }));
    return offerChoice(deps, input, 'cancel_boleto', options, lookup.contact.name);
  }
  return openCancelRequest(deps, input, boleto, lookup.contact);
}

/** Opens the confirmed-only cancellation of one boleto (its id derives from the message that asked). */
export async function openCancelRequest(
  deps: ConversationDependencies,
  input: CancelInput,
  boleto: Pick<Boleto, 'id' | 'amountCents' | 'dueDate'>,
  contact: Pick<Contact, 'contactId' | 'name'>,
): Promise<StepResult> {
  const requestId = deterministicId('request', input.tenantId, input.messageId);
  if (await deps.conversations.getRequest(input.tenantId, requestId)) return { requestId, next: 'confirm' };
  const now = deps.clock.now().toISOString();
  const request: OwnerRequest = {
    tenantId: input.tenantId,
    requestId,
    ownerPhone: input.ownerPhone,
    ...(input.memberId && { memberId: input.memberId }),
    kind: 'cancel_boleto',
    cancelBoletoId: boleto.id,
    status: 'awaiting_confirmation',
    version: 1,
    amountCents: boleto.amountCents,
    dueDate: boleto.dueDate,
    contactId: contact.contactId,
    contactDisplayName: contact.name,
    contactName: input.contactName ?? contact.name,
    createdAt: now,
    updatedAt: now,
  };
  await deps.conversations.saveRequest(request, undefined);
  return { requestId, next: 'confirm' };
}
