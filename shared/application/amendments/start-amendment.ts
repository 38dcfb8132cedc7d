import type { ConversationDependencies } from '#application/conversation/conversation-dependencies';
import { deterministicId } from '#application/conversation/deterministic-id';
import { replyOnce } from '#application/conversation/reply-once';
import { requireTenant } from '#application/conversation/request-loading';
import { DONE, type StepResult } from '#application/conversation/step-result';
import { findContactByName, whichContactText } from '#application/owner-queries/find-contact';
import type { Interpretation } from '#application/ports/language-model';
import type { Boleto } from '#domain/boleto';
import { type AmendableBoleto, amendedTerms, changesNothing } from '#domain/boleto-amendment';
import { isBefore, saoPauloDateOf } from '#domain/calendar-date';
import type { OwnerRequest } from '#domain/owner-request';
import type { E164 } from '#domain/phone-number';
import { amendmentTexts } from './amendment-texts-pt-br';

/** Boletos an amendment may replace: issued and unpaid (a partly paid one keeps its payments, so it stays). */
const AMENDABLE: ReadonlySet<Boleto['status']> = new Set(['registered', 'sent']);
/** The owner chooses among at most this many (the nearest due dates). */
const MAX_OPTIONS = 5;

function amendable(boleto: Boleto): AmendableBoleto {
  return {
    boletoId: boleto.id,
    amountCents: boleto.amountCents,
    dueDate: boleto.dueDate,
    description: boleto.description,
  };
}

/**
 * "muda o vencimento / o valor do boleto do João pra …": finds the boleto (or asks which, numbered), checks the
 * new terms, and opens an amendment request awaiting the owner's one confirmation. Paid, cancelled or partly
 * paid boletos are not amended: IRIS says so and changes nothing. The request id derives from the message id.
 */
export async function startAmendment(
  deps: ConversationDependencies,
  input: { tenantId: string; ownerPhone: E164; messageId: string; interpretation: Interpretation },
): Promise<StepResult> {
  const { tenantId, ownerPhone, messageId, interpretation } = input;
  const reply = async (text: string) => {
    await replyOnce(deps, tenantId, ownerPhone, text, messageId, 'amend');
    return DONE;
  };
  const requestId = deterministicId('request', tenantId, messageId);
  const existing = await deps.conversations.getRequest(tenantId, requestId);
  if (existing) {
    const next = existing.status === 'awaiting_confirmation' ? 'confirm' : 'ask';
    return existing.status === 'collecting' || existing.status === 'awaiting_confirmation'
      ? { requestId, next }
      : DONE;
  }
  if (!interpretation.contact) return reply(amendmentTexts.whose());
  const lookup = await findContactByName(deps, tenantId, interpretation.contact);
  if (lookup.kind !== 'found') return reply(whichContactText(interpretation.contact, lookup) ?? '');
  const { contact } = lookup;
  const newAmountCents = interpretation.amountCents ?? undefined;
  const newDueDate = interpretation.date ?? undefined;
  if (newAmountCents === undefined && newDueDate === undefined) {
    return reply(amendmentTexts.whatToChange(contact.name));
  }
  const today = saoPauloDateOf(deps.clock.now());
  if (newDueDate && isBefore(newDueDate, today)) return reply(amendmentTexts.pastDate(newDueDate));
  const tenant = await requireTenant(deps, tenantId);
  if (newAmountCents !== undefined && newAmountCents > tenant.limits.maxBoletoAmountCents) {
    return reply(amendmentTexts.aboveLimit(tenant.limits.maxBoletoAmountCents));
  }

  const boletos = await deps.boletos.listByContact(tenantId, contact.contactId);
  const open = boletos
    .filter((boleto) => AMENDABLE.has(boleto.status))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
    .map(amendable);
  if (open.length === 0) return reply(whyNotAmendable(contact.name, boletos));

  const amendment = {
    ...(newAmountCents !== undefined ? { newAmountCents } : {}),
    ...(newDueDate !== undefined ? { newDueDate } : {}),
  };
  const [only] = open;
  if (open.length === 1 && only && changesNothing(amendment, only)) {
    return reply(amendmentTexts.nothingToChange(only));
  }
  const now = deps.clock.now().toISOString();
  const base: OwnerRequest = {
    tenantId,
    requestId,
    ownerPhone,
    kind: 'amend_boleto',
    status: 'collecting',
    version: 1,
    contactId: contact.contactId,
    contactDisplayName: contact.name,
    contactName: interpretation.contact,
    createdAt: now,
    updatedAt: now,
  };
  const request =
    open.length === 1 && only
      ? withReplaced({ ...base, amendment }, only)
      : {
          ...base,
          question: 'choose_option' as const,
          amendment: { ...amendment, options: open.slice(0, MAX_OPTIONS) },
        };
  await deps.conversations.saveRequest(request, undefined);
  return { requestId, next: request.status === 'awaiting_confirmation' ? 'confirm' : 'ask' };
}

/** The request once the boleto to replace is known: the new boleto's terms, ready for the confirmation. */
export function withReplaced(request: OwnerRequest, old: AmendableBoleto): OwnerRequest {
  const amendment = { ...request.amendment, replaces: old, options: undefined };
  const terms = amendedTerms(amendment, old);
  return {
    ...request,
    amendment,
    amountCents: terms.amountCents,
    dueDate: terms.dueDate,
    description: old.description,
    question: undefined,
    invalidAnswer: undefined,
    status: 'awaiting_confirmation',
  };
}

function whyNotAmendable(name: string, boletos: readonly Boleto[]): string {
  const latest = [...boletos]
    .filter((boleto) => boleto.status !== 'failed')
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  if (latest?.status === 'paid') return amendmentTexts.alreadyPaid(name, latest);
  if (latest?.status === 'partially_paid') return amendmentTexts.partiallyPaid(name);
  if (latest?.status === 'cancelled') return amendmentTexts.alreadyCancelled(name, latest.amountCents);
  return amendmentTexts.noOpenBoleto(name);
}
