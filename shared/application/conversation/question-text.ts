import { formatBrl } from '../../domain/money';
import { type OwnerRequest, payerName } from '../../domain/owner-request';
import type { ConversationSettings } from './conversation-dependencies';
import { replies } from './replies-pt-br';

/** The pt-BR question for what the request is missing, with the "that did not fit" hint first if any. */
export function questionText(
  request: OwnerRequest,
  settings: ConversationSettings,
  limitCents: number,
): string {
  const name = payerName(request);
  const hint =
    request.invalidAnswer === 'phone'
      ? `${replies.invalidPhone()}\n`
      : request.invalidAnswer === 'tax_id'
        ? `${replies.invalidTaxId()}\n`
        : '';
  switch (request.question) {
    case 'contact':
      return hint + replies.askContact();
    case 'choose_contact':
      return hint + replies.whichContact((request.candidates ?? []).map((candidate) => candidate.name));
    case 'confirm_contact':
      return hint + replies.didYouMean(request.candidates?.[0]?.name ?? name);
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
    case undefined:
      return hint + replies.askContact();
  }
}
