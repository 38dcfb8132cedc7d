import type { Clock } from '#application/ports/clock';
import { DuplicateLedgerEntryError, type LedgerRepository } from '#application/ports/ledger-repository';
import { type CalendarDate, formatDateBr, saoPauloDateOf } from '#domain/calendar-date';
import { ledgerCategoryOf } from '#domain/ledger-category';
import { formatBrl } from '#domain/money';

export interface RecordOwnerEntryInput {
  tenantId: string;
  kind: 'income' | 'expense';
  amountCents: number | null;
  /** When the money moved; today (São Paulo) when the owner did not say. */
  date: CalendarDate | null;
  description: string | null;
  /** The category when already decided (a confirmed receipt); else derived from the description. */
  category?: string;
  /** The inbound message id: the entry's id, so a replayed message records nothing new. */
  messageId: string;
  /** The member who booked it (member id), named on the entry. */
  memberId?: string;
}

/**
 * "gastei 45 no mercado" / "recebi 135 reais": books the entry and says what was booked. Money that has
 * already moved is recorded as the owner says it; without an amount IRIS asks instead of guessing.
 */
export async function recordOwnerEntry(
  deps: { ledger: LedgerRepository; clock: Clock },
  input: RecordOwnerEntryInput,
): Promise<string> {
  if (input.amountCents == null || input.amountCents <= 0) {
    return input.kind === 'expense'
      ? 'Qual foi o valor do gasto? Ex.: "gastei 45 no mercado".'
      : 'Qual foi o valor recebido? Ex.: "recebi 150 do João".';
  }
  const today = saoPauloDateOf(deps.clock.now());
  const date = input.date ?? today;
  const description =
    (input.description ?? '').trim() || (input.kind === 'expense' ? 'despesa' : 'recebimento');
  const category = input.category ?? ledgerCategoryOf(input.kind, description);
  const entryId = input.messageId.replace(/[^A-Za-z0-9_-]/g, '').slice(-40) || input.messageId;
  try {
    await deps.ledger.add({
      tenantId: input.tenantId,
      entryId,
      kind: input.kind,
      date,
      amountCents: input.amountCents,
      category,
      description,
      ...(input.memberId && { recordedBy: input.memberId }),
      createdAt: deps.clock.now().toISOString(),
    });
  } catch (error) {
    if (!(error instanceof DuplicateLedgerEntryError)) throw error;
  }
  const what = input.kind === 'expense' ? 'Despesa' : 'Entrada';
  return `Anotado! ${what} de ${formatBrl(input.amountCents)} (${description}, ${category}) em ${formatDateBr(date)}.`;
}
