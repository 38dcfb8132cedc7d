import { changeKeptText, isChangeRequest, mergeChangeChoice } from '#application/amendments/change-requests';
import { rememberConfirmedAlias } from '#application/contact-aliases/remember-alias';
import { takeUpDeferred } from '#application/dialogues/deferred-request';
import { pickOption } from '#application/dialogues/pick-option';
import type { Interpretation } from '#application/ports/language-model';
import { saoPauloDateOf } from '#domain/calendar-date';
import { findEmailIn } from '#domain/email-address';
import {
  acceptUnusualAmount,
  applyEntities,
  chooseContact,
  close,
  completeNewContact,
  type OwnerRequest,
  providePayerEmail,
} from '#domain/owner-request';
import { tryNormalizePhone } from '#domain/phone-number';
import { tryParseTaxId } from '#domain/tax-id';
import type { ConversationDependencies, ReplyInput } from './conversation-dependencies';
import { textOf } from './owner-text';
import { replies } from './replies-pt-br';
import { replyOnce } from './reply-once';
import { loadOpenRequest } from './request-loading';
import { saveAndRoute } from './start-request';
import { DONE, type StepResult } from './step-result';

const NO_EMAIL =
  /^(ele |ela )?(nao|n|sem|nenhum|nao tem|nao possui|nao sei|nao usa|nao tem nao)( (o |um )?e ?mail)?( nao)?$/;

/** "não tem", "sem e-mail", "ele não tem email": the owner says the payer has no e-mail. */
export function isNoEmailAnswer(text: string): boolean {
  const folded = text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[-_]/g, ' ')
    .replace(/[^a-z ]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return NO_EMAIL.test(folded);
}

/** A bare name typed as an answer ("João Silva"): letters, spaces and a few punctuation marks. */
function looksLikeName(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length >= 2 && trimmed.length <= 60 && /^[\p{L}][\p{L} .'-]*$/u.test(trimmed);
}

/** Applies an answer to the question the request was waiting on; any other entities in it apply as well. */
export function applyAnswer(
  request: OwnerRequest,
  text: string,
  interpretation: Interpretation,
  now: Date,
): OwnerRequest {
  let updated: OwnerRequest = { ...request, invalidAnswer: undefined };
  switch (request.question) {
    case 'choose_contact': {
      // A number, an ordinal, a name or a surname ("2", "o segundo", "o Silva"): dialogues/pick-option.ts.
      const options = (request.candidates ?? []).map((c) => ({ ...c, contactName: c.name }));
      const picked = pickOption(options, text);
      if (picked) return chooseContact(updated, { id: picked.id, name: picked.name }, now);
      return { ...updated, invalidAnswer: 'choice' };
    }
    case 'confirm_contact':
      if (interpretation.intent === 'confirm' && request.candidates?.[0]) {
        return chooseContact(updated, request.candidates[0], now);
      }
      if (interpretation.intent === 'deny') {
        return applyEntities({ ...updated, contactName: undefined, candidates: undefined }, {}, now);
      }
      break;
    case 'new_contact_phone': {
      const phone = tryNormalizePhone(
        text
          .replace(/[^\d+]/g, ' ')
          .trim()
          .replace(/\s+/g, ''),
      );
      return phone ? completeNewContact(updated, { phone }, now) : { ...updated, invalidAnswer: 'phone' };
    }
    case 'new_contact_tax_id': {
      const taxId = tryParseTaxId(text.replace(/[^\dA-Za-z./-]/g, ''));
      return taxId ? completeNewContact(updated, { taxId }, now) : { ...updated, invalidAnswer: 'tax_id' };
    }
    case 'new_contact_email': {
      if (isNoEmailAnswer(text)) return completeNewContact(updated, { emailDeclined: true }, now);
      const email = findEmailIn(text);
      return email ? providePayerEmail(updated, email, now) : { ...updated, invalidAnswer: 'email' };
    }
    case 'payer_email_required': {
      const email = findEmailIn(text);
      return email ? providePayerEmail(updated, email, now) : { ...updated, invalidAnswer: 'email' };
    }
    case 'unusual_amount':
      if (interpretation.intent === 'confirm') return acceptUnusualAmount(updated, now);
      break;
    default:
      break;
  }
  const contactName =
    interpretation.contact ??
    (request.question === 'contact' || request.question === 'confirm_contact'
      ? looksLikeName(text)
        ? text.trim()
        : null
      : null);
  updated = applyEntities(
    updated,
    { amountCents: interpretation.amountCents, dueDate: interpretation.date, contactName },
    now,
  );
  return updated;
}

/** Merges the owner's answer to a clarifying question into the request, then asks the next thing. */
export async function mergeOwnerReply(
  deps: ConversationDependencies,
  input: ReplyInput,
): Promise<StepResult> {
  const request = await loadOpenRequest(deps, input.tenantId, input.requestId);
  const reply = (text: string, purpose: string) =>
    replyOnce(deps, input.tenantId, input.reply.from, text, input.reply.messageId, purpose);
  if (!request) {
    await reply(replies.alreadyDecided(), 'already-decided');
    return DONE;
  }
  const text = await textOf(input.reply.content, deps.transcriber);
  const interpretation = await deps.language.interpret({ text, today: saoPauloDateOf(deps.clock.now()) });
  const answersEmail =
    request.question === 'new_contact_email' || request.question === 'payer_email_required';
  const saysNoEmail = answersEmail && isNoEmailAnswer(text);
  if (interpretation.intent === 'deny' && request.question !== 'confirm_contact' && !saysNoEmail) {
    return cancelRequest(deps, request, input.reply.messageId);
  }
  if (isChangeRequest(request)) return mergeChangeChoice(deps, request, text, interpretation);
  const updated = applyAnswer(request, text, interpretation, deps.clock.now());
  await rememberConfirmedAlias(deps, request, updated);
  return saveAndRoute(deps, updated, request.version);
}

export async function cancelRequest(
  deps: ConversationDependencies,
  request: OwnerRequest,
  causeId: string,
): Promise<StepResult> {
  const cancelled = close(request, 'cancelled', deps.clock.now());
  await deps.conversations.saveRequest(cancelled, request.version);
  const text = isChangeRequest(request)
    ? changeKeptText(request)
    : request.kind === 'cancel_boleto'
      ? replies.cancelKept()
      : replies.requestCancelled();
  await replyOnce(deps, request.tenantId, request.ownerPhone, text, causeId, 'cancelled');
  await deps.conversations.release(request.tenantId, request.ownerPhone, request.requestId);
  await takeUpDeferred(deps, request);
  return DONE;
}
