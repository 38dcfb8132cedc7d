import type {
  ConversationDependencies,
  ReplyInput,
} from '#application/conversation/conversation-dependencies';
import { parseConfirmationButton, textOf } from '#application/conversation/owner-text';
import { replies } from '#application/conversation/replies-pt-br';
import { replyOnce } from '#application/conversation/reply-once';
import { DONE, type StepResult } from '#application/conversation/step-result';
import { pickOption } from '#application/dialogues/pick-option';
import { learnCategoryRule } from '#application/ledger/categorise-entry';
import { bookLedgerCorrection } from '#application/ledger-corrections/book-ledger-correction';
import { ledgerCorrectionTexts } from '#application/ledger-corrections/ledger-correction-texts-pt-br';
import { withEntry } from '#application/ledger-corrections/start-ledger-correction';
import type { Interpretation } from '#application/ports/language-model';
import { amendedTerms } from '#domain/boleto-amendment';
import { isBefore, saoPauloDateOf } from '#domain/calendar-date';
import { close, confirm, type OwnerRequest, payerName } from '#domain/owner-request';
import { samePhone } from '#domain/phone-number';
import { amendmentTexts } from './amendment-texts-pt-br';
import { withReplaced } from './start-amendment';

/**
 * The conversation hooks of the two "change what was done" requests: amending a boleto (`amend_boleto`) and
 * correcting the ledger (`correct_ledger`). Both may ask "qual deles?" (numbered) and both wait for one explicit
 * confirmation; an amendment then goes through the boleto create path (see retire-replaced-boleto.ts), a ledger
 * correction is booked here.
 */

export function isChangeRequest(request: OwnerRequest): boolean {
  return request.kind === 'amend_boleto' || request.kind === 'correct_ledger';
}

/** The numbered "qual deles?" question. */
export function changeQuestionText(request: OwnerRequest): string {
  const invalid = request.invalidAnswer === 'choice';
  if (request.kind === 'correct_ledger') {
    return ledgerCorrectionTexts.which(request.ledgerCorrection?.options ?? [], invalid);
  }
  return amendmentTexts.whichBoleto(payerName(request), request.amendment?.options ?? [], invalid);
}

/** The confirmation question, or undefined for other requests. */
export function changeConfirmationText(request: OwnerRequest): string | undefined {
  if (request.kind === 'correct_ledger' && request.ledgerCorrection?.entry) {
    return ledgerCorrectionTexts.confirm({
      ...request.ledgerCorrection,
      entry: request.ledgerCorrection.entry,
    });
  }
  const old = request.amendment?.replaces;
  if (request.kind === 'amend_boleto' && request.amendment && old) {
    return amendmentTexts.confirm(payerName(request), old, amendedTerms(request.amendment, old));
  }
  return undefined;
}

/** What the owner hears when they say "não" to a change. */
export function changeKeptText(request: OwnerRequest): string {
  return request.kind === 'correct_ledger' ? ledgerCorrectionTexts.kept() : amendmentTexts.kept();
}

/** The option an answer picks ("2", "o segundo", "o de 150", "o do dia 10"), read as everywhere else. */
function pickAmong<T extends { amountCents: number; dueDate?: string; date?: string }>(
  options: readonly T[],
  text: string,
  interpretation: Interpretation,
): T | undefined {
  const pickable = options.map((option, index) => ({
    index,
    amountCents: option.amountCents,
    dueDate: option.dueDate ?? option.date,
  }));
  const picked = pickOption(pickable, text, {
    amountCents: interpretation.amountCents,
    date: interpretation.date,
  });
  return picked && options[picked.index];
}

/** The owner's answer to "qual deles?": the chosen option goes to the confirmation; anything else asks again. */
export async function mergeChangeChoice(
  deps: ConversationDependencies,
  request: OwnerRequest,
  text: string,
  interpretation: Interpretation,
): Promise<StepResult> {
  let chosen: OwnerRequest | undefined;
  let unchanged: string | undefined;
  if (request.kind === 'correct_ledger') {
    const entry = pickAmong(request.ledgerCorrection?.options ?? [], text, interpretation);
    chosen = entry && withEntry(request, entry);
    if (entry && !chosen) unchanged = ledgerCorrectionTexts.nothingToChange(entry);
  } else {
    const boleto = pickAmong(request.amendment?.options ?? [], text, interpretation);
    chosen = boleto && withReplaced(request, boleto);
    if (boleto && chosen?.amountCents === boleto.amountCents && chosen.dueDate === boleto.dueDate) {
      unchanged = amendmentTexts.nothingToChange(boleto);
      chosen = undefined;
    }
  }
  const now = deps.clock.now().toISOString();
  if (unchanged) {
    await deps.conversations.saveRequest(close(request, 'cancelled', deps.clock.now()), request.version);
    await replyOnce(deps, request.tenantId, request.ownerPhone, unchanged, request.requestId, 'unchanged');
    await deps.conversations.release(request.tenantId, request.ownerPhone, request.requestId);
    return DONE;
  }
  const next: OwnerRequest = chosen ?? { ...request, invalidAnswer: 'choice' };
  await deps.conversations.saveRequest(
    { ...next, version: request.version + 1, updatedAt: now },
    request.version,
  );
  return { requestId: request.requestId, next: chosen ? 'confirm' : 'ask' };
}

type Decision = 'confirm' | 'deny' | 'stale' | 'other';

async function decisionOf(
  deps: ConversationDependencies,
  request: OwnerRequest,
  input: ReplyInput,
): Promise<{ decision: Decision; interpretation?: Interpretation }> {
  if (!samePhone(input.reply.from, request.ownerPhone)) return { decision: 'other' };
  const button = parseConfirmationButton(input.reply.content);
  if (button) {
    if (button.requestId !== request.requestId || button.version !== request.version) {
      return { decision: 'stale' };
    }
    return { decision: button.decision };
  }
  const text = await textOf(input.reply.content, deps.transcriber);
  const interpretation = await deps.language.interpret({ text, today: saoPauloDateOf(deps.clock.now()) });
  const { intent } = interpretation;
  const decision = intent === 'confirm' ? 'confirm' : intent === 'deny' ? 'deny' : 'other';
  return { decision, interpretation };
}

/**
 * The owner's answer to the change's confirmation. Only an explicit yes for this request and version goes on:
 * an amendment to the create path (`create`), a ledger correction is booked at once. "Não" keeps everything as
 * it was; a new date or amount for an amendment ("não, dia 28") updates it and asks again.
 */
export async function decideChange(
  deps: ConversationDependencies,
  request: OwnerRequest,
  input: ReplyInput,
): Promise<StepResult> {
  const say = (text: string, purpose: string) =>
    replyOnce(deps, input.tenantId, request.ownerPhone, text, input.reply.messageId, purpose);
  if (request.status === 'confirmed') {
    return request.kind === 'amend_boleto'
      ? { requestId: request.requestId, next: 'create' }
      : bookCorrection(deps, request); // a retried step
  }
  if (request.status !== 'awaiting_confirmation') {
    await say(replies.alreadyDecided(), 'already-decided');
    return DONE;
  }
  const { decision, interpretation } = await decisionOf(deps, request, input);
  if (decision === 'stale') await say(replies.confirmationRefused(), 'confirmation-refused');
  if (decision === 'deny') {
    await deps.conversations.saveRequest(close(request, 'cancelled', deps.clock.now()), request.version);
    await say(changeKeptText(request), 'cancelled');
    await deps.conversations.release(request.tenantId, request.ownerPhone, request.requestId);
    return DONE;
  }
  if (decision === 'confirm') {
    const confirmed = confirm(request, request.version, deps.clock.now());
    await deps.conversations.saveRequest(confirmed, request.version);
    if (request.kind === 'amend_boleto') return { requestId: request.requestId, next: 'create' };
    return bookCorrection(deps, confirmed);
  }
  const corrected = interpretation && correctedAmendment(deps, request, interpretation);
  const again = corrected ?? { ...request, confirmationsAsked: (request.confirmationsAsked ?? 0) + 1 };
  await deps.conversations.saveRequest(
    { ...again, version: request.version + 1, updatedAt: deps.clock.now().toISOString() },
    request.version,
  );
  return { requestId: request.requestId, next: 'confirm' };
}

/** "não, pro dia 28" / "200" while an amendment waits: the new terms replace the asked ones. */
function correctedAmendment(
  deps: ConversationDependencies,
  request: OwnerRequest,
  interpretation: Interpretation,
): OwnerRequest | undefined {
  const old = request.amendment?.replaces;
  if (request.kind !== 'amend_boleto' || !old || !request.amendment) return undefined;
  const { amountCents, date } = interpretation;
  if (amountCents == null && date == null) return undefined;
  if (date != null && isBefore(date, saoPauloDateOf(deps.clock.now()))) return undefined;
  const amendment = {
    ...request.amendment,
    ...(amountCents != null ? { newAmountCents: amountCents } : {}),
    ...(date != null ? { newDueDate: date } : {}),
  };
  return withReplaced({ ...request, amendment }, old);
}

/** Books the confirmed ledger correction and tells the owner what it did (or that it was done before). */
async function bookCorrection(deps: ConversationDependencies, request: OwnerRequest): Promise<StepResult> {
  const correction = request.ledgerCorrection;
  const entry = correction?.entry;
  if (!correction || !entry) return DONE;
  const result = await bookLedgerCorrection(deps, {
    tenantId: request.tenantId,
    entryId: entry.entryId,
    date: entry.date,
    action: correction.action,
    ...(correction.newAmountCents !== undefined ? { newAmountCents: correction.newAmountCents } : {}),
    ...(correction.newCategory !== undefined ? { newCategory: correction.newCategory } : {}),
    ...(request.memberId && { memberId: request.memberId }),
  });
  const text =
    result.outcome === 'booked'
      ? ledgerCorrectionTexts.booked({ ...correction, entry })
      : ledgerCorrectionTexts.alreadyCorrected(entry);
  deps.logger.info('ledger correction', { requestId: request.requestId, outcome: result.outcome });
  if (result.outcome === 'booked' && result.replacement && correction.action === 'category') {
    // The owner's correction teaches the tenant's categoriser: the next such entry is booked there.
    await learnCategoryRule(deps, {
      tenantId: request.tenantId,
      kind: result.original.kind,
      description: result.original.description,
      category: result.replacement.category,
      learnedFrom: 'correction',
      ...(request.memberId && { taughtBy: request.memberId }),
    });
  }
  await deps.conversations.saveRequest(close(request, 'completed', deps.clock.now()), request.version);
  await replyOnce(deps, request.tenantId, request.ownerPhone, text, request.requestId, 'ledger-corrected');
  await deps.conversations.release(request.tenantId, request.ownerPhone, request.requestId);
  return DONE;
}
