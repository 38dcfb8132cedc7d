import type { ConversationDependencies } from '#application/conversation/conversation-dependencies';
import { deterministicId } from '#application/conversation/deterministic-id';
import { replyOnce } from '#application/conversation/reply-once';
import { DONE, type StepResult } from '#application/conversation/step-result';
import type { Interpretation } from '#application/ports/language-model';
import type { LedgerEntry, LedgerRepository } from '#application/ports/ledger-repository';
import { addDays, type CalendarDate, saoPauloDateOf } from '#domain/calendar-date';
import { foldName } from '#domain/contact-matching';
import {
  correctableEntries,
  type EntrySummary,
  type LedgerCorrectionHint,
  type LedgerCorrectionRequest,
} from '#domain/ledger-correction';
import type { OwnerRequest } from '#domain/owner-request';
import type { E164 } from '#domain/phone-number';
import { ledgerCorrectionTexts } from './ledger-correction-texts-pt-br';

type Deps = ConversationDependencies & { ledger: LedgerRepository };

/** The owner chooses among at most this many (the most recent). */
const MAX_OPTIONS = 5;

/** The hint the parser gives; a model's interpretation without one is read from its amount. */
function hintOf(interpretation: Interpretation): LedgerCorrectionHint {
  if (interpretation.correction) return interpretation.correction;
  return {
    action: interpretation.amountCents != null ? 'amount' : 'reverse',
    latest: !interpretation.description,
  };
}

export function summaryOf(entry: LedgerEntry): EntrySummary {
  const { entryId, kind, date, amountCents, category, description } = entry;
  return { entryId, kind, date, amountCents, category, description };
}

/** This month's and last month's entries the owner may still correct, the most recent first (two Queries). */
async function recentCorrectable(deps: Deps, tenantId: string, today: CalendarDate): Promise<LedgerEntry[]> {
  const thisMonth = today.slice(0, 7);
  const lastMonth = addDays(`${thisMonth}-01` as CalendarDate, -1).slice(0, 7);
  const [previous, current] = await Promise.all([
    deps.ledger.listByMonth(tenantId, lastMonth),
    deps.ledger.listByMonth(tenantId, thisMonth),
  ]);
  return correctableEntries([...previous, ...current]).sort(
    (a, b) => b.createdAt.localeCompare(a.createdAt) || b.entryId.localeCompare(a.entryId),
  );
}

/** The entries the message points at: kind, words of the description, date, and the amount it names. */
function candidates(entries: LedgerEntry[], hint: LedgerCorrectionHint, interpretation: Interpretation) {
  const words = foldName(interpretation.description ?? '')
    .split(' ')
    .filter((word) => word.length > 2);
  const namedAmount =
    hint.action === 'reverse' ? interpretation.amountCents : (hint.wrongAmountCents ?? null);
  let found = entries.filter(
    (entry) =>
      (!hint.kind || entry.kind === hint.kind) &&
      (interpretation.date == null || entry.date === interpretation.date) &&
      (namedAmount == null || entry.amountCents === namedAmount) &&
      words.every((word) => foldName(`${entry.description} ${entry.category}`).includes(word)),
  );
  // "apaga o último gasto", "isso era transporte": the latest one only, unless the message named more.
  if (hint.latest && words.length === 0 && namedAmount == null) found = found.slice(0, 1);
  return found;
}

/**
 * "apaga o último gasto", "apaga a despesa da gasolina", "a gasolina foi 54, não 45", "isso era transporte":
 * finds the entry (or asks which, numbered) and opens a correction request awaiting the owner's confirmation.
 * Nothing is booked before the "sim"; the request id derives from the message id.
 */
export async function startLedgerCorrection(
  deps: Deps,
  input: {
    tenantId: string;
    ownerPhone: E164;
    /** The member correcting: the reversal and replacement name them. */
    memberId?: string;
    messageId: string;
    interpretation: Interpretation;
  },
): Promise<StepResult> {
  const { tenantId, ownerPhone, messageId, interpretation } = input;
  const reply = async (text: string) => {
    await replyOnce(deps, tenantId, ownerPhone, text, messageId, 'correct-ledger');
    return DONE;
  };
  const requestId = deterministicId('request', tenantId, messageId);
  const existing = await deps.conversations.getRequest(tenantId, requestId);
  if (existing) {
    if (existing.status === 'awaiting_confirmation') return { requestId, next: 'confirm' };
    return existing.status === 'collecting' ? { requestId, next: 'ask' } : DONE;
  }
  const hint = hintOf(interpretation);
  const today = saoPauloDateOf(deps.clock.now());
  const found = candidates(await recentCorrectable(deps, tenantId, today), hint, interpretation);
  if (found.length === 0) return reply(ledgerCorrectionTexts.notFound(interpretation.description));
  const correction: LedgerCorrectionRequest = {
    action: hint.action,
    ...(hint.action === 'amount' && interpretation.amountCents != null
      ? { newAmountCents: interpretation.amountCents }
      : {}),
    ...(hint.action === 'category' && hint.category ? { newCategory: hint.category } : {}),
  };
  const [only] = found;
  const now = deps.clock.now().toISOString();
  const base: OwnerRequest = {
    tenantId,
    requestId,
    ownerPhone,
    ...(input.memberId && { memberId: input.memberId }),
    kind: 'correct_ledger',
    status: 'collecting',
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  if (found.length === 1 && only) {
    const chosen = withEntry({ ...base, ledgerCorrection: correction }, summaryOf(only));
    if (!chosen) return reply(ledgerCorrectionTexts.nothingToChange(summaryOf(only)));
    await deps.conversations.saveRequest(chosen, undefined);
    return { requestId, next: 'confirm' };
  }
  const options = found.slice(0, MAX_OPTIONS).map(summaryOf);
  await deps.conversations.saveRequest(
    { ...base, question: 'choose_option', ledgerCorrection: { ...correction, options } },
    undefined,
  );
  return { requestId, next: 'ask' };
}

/** The request once the entry is known, awaiting confirmation; undefined when the change changes nothing. */
export function withEntry(request: OwnerRequest, entry: EntrySummary): OwnerRequest | undefined {
  const correction = { ...request.ledgerCorrection, entry, options: undefined } as LedgerCorrectionRequest;
  const same =
    (correction.action === 'amount' && correction.newAmountCents === entry.amountCents) ||
    (correction.action === 'category' && correction.newCategory === entry.category);
  if (same) return undefined;
  return {
    ...request,
    ledgerCorrection: correction,
    amountCents: entry.amountCents,
    question: undefined,
    invalidAnswer: undefined,
    status: 'awaiting_confirmation',
  };
}
