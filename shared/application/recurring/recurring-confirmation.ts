import type { OwnerRequest } from '#domain/owner-request';
import { isPeriod } from '#domain/recurring-plan';
import { recurringTexts } from './recurring-texts-pt-br';

/** The question a recurring request is confirmed with (the Sim/Não buttons are the usual ones). */
export function recurringConfirmationText(request: OwnerRequest): string {
  const terms = request.recurrence;
  if (!terms || !isPeriod(terms.firstPeriod))
    throw new Error(`request ${request.requestId} has no recurrence`);
  const plan = {
    amountCents: request.amountCents ?? 0,
    contactName: request.contactDisplayName ?? request.contactName ?? '',
    dayOfMonth: terms.dayOfMonth,
    firstPeriod: terms.firstPeriod,
    ...(terms.lastPeriod && isPeriod(terms.lastPeriod) && { lastPeriod: terms.lastPeriod }),
  };
  const question =
    request.kind === 'stop_recurring' ? recurringTexts.confirmStop(plan) : recurringTexts.confirmCreate(plan);
  return (request.confirmationsAsked ?? 0) > 0 ? `Ainda aguardo sua resposta. ${question}` : question;
}
