import { changeQuestionText } from '#application/amendments/change-requests';
import { nicknameQuestion } from '#application/contact-aliases/remember-alias';
import { formatBrl } from '#domain/money';
import { type OwnerRequest, payerName } from '#domain/owner-request';
import type { ConversationSettings } from './conversation-dependencies';
import { replies } from './replies-pt-br';

/** The pt-BR question for what the request is missing, with the "that did not fit" hint first if any. */
export function questionText(
  request: OwnerRequest,
  settings: ConversationSettings,
  limitCents: number,
): string {
  const name = payerName(request);
  const hint = hintOf(request);
  switch (request.question) {
    case 'contact':
      return hint + replies.askContact();
    case 'choose_contact':
      return hint + replies.whichContact((request.candidates ?? []).map((candidate) => candidate.name));
    case 'confirm_contact': {
      const candidate = request.candidates?.[0]?.name ?? name;
      const nickname = request.contactName && nicknameQuestion(request.contactName, candidate);
      return hint + (nickname || replies.didYouMean(candidate));
    }
    case 'amount':
      return hint + replies.askAmount(name || undefined);
    case 'amount_above_limit':
      return hint + replies.amountAboveLimit(formatBrl, limitCents);
    case 'unusual_amount':
      return hint + replies.unusualAmount(formatBrl, request.amountCents ?? 0, settings.usualMaxAmountCents);
    case 'due_date':
      return hint + replies.askDueDate();
    case 'past_due_date':
      return request.dueDate ? hint + replies.pastDueDate(request.dueDate) : hint + replies.askDueDate();
    case 'new_contact_phone':
      return hint + replies.askNewContactPhone(name);
    case 'new_contact_tax_id':
      return hint + replies.askNewContactTaxId(name);
    case 'new_contact_email':
      return hint + replies.askNewContactEmail(name);
    case 'payer_email_required':
      return hint + replies.payerEmailRequired(name);
    case 'choose_option':
      return changeQuestionText(request);
    case undefined:
      return hint + replies.askContact();
  }
}

/** What did not fit in the last answer, or what the provider refused, shown before the question. */
function hintOf(request: OwnerRequest): string {
  switch (request.invalidAnswer) {
    case 'phone':
      return `${replies.invalidPhone()}\n`;
    case 'tax_id':
      return `${replies.invalidTaxId()}\n`;
    case 'email':
      return `${replies.invalidEmail()}\n`;
    default:
      break;
  }
  if (request.providerRejected === 'payer.taxId') return `${replies.providerRefusedTaxId()}\n`;
  if (request.providerRejected === 'payer.phone') return `${replies.providerRefusedPhone()}\n`;
  return '';
}
