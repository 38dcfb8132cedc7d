import { deterministicId } from '#application/conversation/deterministic-id';
import { type RecordOwnerEntryDependencies, recordOwnerEntry } from '#application/ledger/record-owner-entry';
import type { OutboxRepository } from '#application/ports/outbox-repository';
import { PreconditionFailedError } from '#application/ports/persistence-errors';
import {
  type ReceiptProposal,
  ReceiptProposalGoneError,
  type ReceiptProposalRepository,
} from '#application/ports/receipt-proposal-repository';
import type { UnitOfWork } from '#application/ports/unit-of-work';
import { newOutboxMessage, ownerReply } from '#domain/outbox-message';
import type { E164 } from '#domain/phone-number';
import type { ReceiptDecision } from './receipt-buttons';
import { receiptReplies } from './receipt-replies-pt-br';

export interface DecideReceiptDependencies extends RecordOwnerEntryDependencies {
  proposals: ReceiptProposalRepository;
  outbox: OutboxRepository;
  unitOfWork: UnitOfWork;
}

export interface ReceiptDecisionInput {
  tenantId: string;
  ownerPhone: E164;
  /** The message that answers (a tap or a typed "sim"): the reply's id derives from it. */
  messageId: string;
  decision: ReceiptDecision;
  /** The member answering (proposals wait per phone, so the one who sent the receipt); the entry names them. */
  memberId?: string;
  /** Set for a button tap: the proposal it was shown with. A typed answer takes the waiting one. */
  proposalId?: string;
}

/** Answers the owner's waiting receipt proposals (`answer` returns false when none waits for a typed yes/no). */
export interface ReceiptDecisions {
  answer(input: ReceiptDecisionInput): Promise<boolean>;
}

export function receiptDecisions(deps: DecideReceiptDependencies): ReceiptDecisions {
  return { answer: (input) => decideReceipt(deps, input) };
}

/**
 * "Sim" books the proposed expense through the ledger path text expenses use (the entry's id derives from the
 * receipt's message, so a second "sim" books nothing), then removes the proposal with the reply in one
 * transaction; "Não" removes it and says nothing was booked. A tap on a proposal that is gone says so.
 */
export async function decideReceipt(
  deps: DecideReceiptDependencies,
  input: ReceiptDecisionInput,
): Promise<boolean> {
  const waiting = await deps.proposals.waiting(input.tenantId, input.ownerPhone, deps.clock.now());
  if (!waiting && input.proposalId === undefined) return false;
  if (!waiting || (input.proposalId !== undefined && waiting.proposalId !== input.proposalId)) {
    await reply(deps, input, receiptReplies.gone());
    return true;
  }
  const text =
    input.decision === 'confirm' ? await book(deps, waiting, input.memberId) : receiptReplies.denied();
  try {
    await reply(deps, input, text, waiting);
  } catch (error) {
    if (!(error instanceof ReceiptProposalGoneError)) throw error;
    await reply(deps, input, receiptReplies.gone());
  }
  return true;
}

function book(
  deps: DecideReceiptDependencies,
  proposal: ReceiptProposal,
  memberId?: string,
): Promise<string> {
  return recordOwnerEntry(deps, {
    tenantId: proposal.tenantId,
    kind: 'expense',
    amountCents: proposal.amountCents,
    date: proposal.date,
    description: proposal.description,
    category: proposal.category,
    messageId: proposal.sourceMessageId,
    ownerPhone: proposal.ownerPhone,
    ...(memberId && { memberId }),
  });
}

async function reply(
  deps: DecideReceiptDependencies,
  input: ReceiptDecisionInput,
  text: string,
  taking?: ReceiptProposal,
): Promise<void> {
  const message = newOutboxMessage(ownerReply(input.ownerPhone, text, input.messageId), {
    id: deterministicId(input.tenantId, input.messageId, 'receipt-decision'),
    tenantId: input.tenantId,
    now: deps.clock.now(),
  });
  try {
    await deps.unitOfWork.run(async (tx) => {
      if (taking) await deps.proposals.take(taking, tx);
      await deps.outbox.add(message, tx);
    });
  } catch (error) {
    if (!(error instanceof PreconditionFailedError)) throw error; // this answer was already handled
  }
}
