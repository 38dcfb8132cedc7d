import { findContactByName, whichContactText } from '#application/owner-queries/find-contact';
import type { OwnerQueryDependencies } from '#application/owner-queries/owner-query-dependencies';
import type { CalendarDate } from '#domain/calendar-date';
import { readStatementPage, type StatementDependencies } from './read-statement';
import { STATEMENT_MESSAGE_LINES, statementText } from './statement-text-pt-br';

/**
 * "extrato do João" on WhatsApp: the named contact (the conversation's matching rules), then the same
 * statement the API serves (`readStatementPage`, its latest lines), as a pt-BR message. An unknown or ambiguous name is asked back.
 */
export async function answerStatement(
  deps: StatementDependencies & Pick<OwnerQueryDependencies, 'contacts'>,
  input: { tenantId: string; contactName: string | null; today: CalendarDate },
): Promise<string> {
  if (!input.contactName) return 'De quem é o extrato? Ex.: "extrato do João"';
  const lookup = await findContactByName(deps, input.tenantId, input.contactName);
  if (lookup.kind !== 'found') return whichContactText(input.contactName, lookup) ?? '';
  const found = await readStatementPage(deps, {
    tenantId: input.tenantId,
    contactId: lookup.contact.contactId,
    today: input.today,
    page: { limit: STATEMENT_MESSAGE_LINES },
  });
  if (!found) return whichContactText(input.contactName, { kind: 'none' }) ?? '';
  return statementText(found.contact.name, found);
}
