import { deterministicId } from '#application/conversation/deterministic-id';
import { CONFIRMATION_BUTTON_TITLES } from '#application/conversation/replies-pt-br';
import type { EntryCategoriser } from '#application/ledger/categorise-entry';
import type { OwnerMediaInput, OwnerMediaReader } from '#application/owner-media/handle-owner-media';
import type { Clock } from '#application/ports/clock';
import type { ConversationRepository } from '#application/ports/conversation-repository';
import type { MediaDownloader } from '#application/ports/media-downloader';
import { WhatsAppPermanentError } from '#application/ports/message-sender';
import type { OutboxRepository } from '#application/ports/outbox-repository';
import { PreconditionFailedError } from '#application/ports/persistence-errors';
import type {
  ReceiptProposal,
  ReceiptProposalRepository,
} from '#application/ports/receipt-proposal-repository';
import { ReceiptNotReadableError, type ReceiptTextReader } from '#application/ports/receipt-text-reader';
import type { ReceiptVision } from '#application/ports/receipt-vision';
import type { UnitOfWork } from '#application/ports/unit-of-work';
import { type CalendarDate, saoPauloDateOf } from '#domain/calendar-date';
import { type NewOutboxMessage, newOutboxMessage, ownerReply } from '#domain/outbox-message';
import { checkReceiptProposal, type ReceiptFields, readReceiptFields } from '#domain/receipt-fields';
import type { AppLogger } from '#logging/create-logger';
import { receiptButtonId } from './receipt-buttons';
import { receiptReplies } from './receipt-replies-pt-br';

export interface ReadReceiptDependencies {
  media: MediaDownloader;
  ocr: ReceiptTextReader;
  /** With an OpenAI key: the model proposes the fields, checked against the OCR text; absent, the rules read. */
  vision?: ReceiptVision;
  proposals: ReceiptProposalRepository;
  conversations: Pick<ConversationRepository, 'setPendingEntry'>;
  outbox: OutboxRepository;
  unitOfWork: UnitOfWork;
  clock: Clock;
  logger: AppLogger;
  /** The same categoriser as typed expenses: the tenant's learned rules, then the keywords. */
  categoriser: EntryCategoriser;
}

/** How long a receipt proposal (and the "qual foi o valor?" question) waits for the owner. */
export const RECEIPT_PROPOSAL_MINUTES = 60;

/**
 * A receipt photo (or PDF) from the owner: download it, read its text, take total / date / merchant / CNPJ /
 * payment method from that text (or take a vision model's proposal that the text grounds), and propose the
 * expense with Sim/Não. Nothing is booked before "sim".
 * Without a readable total IRIS asks for the amount (a bare number then books it, as for "gastei no mercado").
 */
export function receiptReader(deps: ReadReceiptDependencies): OwnerMediaReader {
  return { read: (input) => readReceipt(deps, input) };
}

export async function readReceipt(deps: ReadReceiptDependencies, input: OwnerMediaInput): Promise<void> {
  const now = deps.clock.now();
  const today = saoPauloDateOf(now);
  let bytes: Uint8Array;
  let mimeType: string;
  try {
    ({ bytes, mimeType } = await deps.media.downloadMedia(input.media.mediaId));
  } catch (error) {
    if (!(error instanceof WhatsAppPermanentError)) throw error; // retryable: the workflow's Retry runs it again
    deps.logger.warn('receipt media could not be downloaded', { messageId: input.messageId, error });
    return queue(
      deps,
      input,
      ownerReply(input.ownerPhone, receiptReplies.couldNotDownload(), input.messageId),
    );
  }
  const fields = await fieldsOf(deps, input, { bytes, mimeType }, today);
  deps.logger.info('receipt read', {
    messageId: input.messageId,
    source: fields.source,
    characters: fields.characters,
    total: fields.totalCents !== null,
    date: fields.date !== null,
    merchant: fields.merchant !== null,
  });
  const description = fields.merchant ?? 'comprovante';
  const expiresAt = new Date(now.getTime() + RECEIPT_PROPOSAL_MINUTES * 60_000).toISOString();
  if (fields.totalCents === null) {
    await deps.conversations.setPendingEntry(input.tenantId, input.ownerPhone, {
      kind: 'expense',
      description,
      date: fields.date,
      messageId: input.messageId,
      expiresAt,
    });
    return queue(deps, input, ownerReply(input.ownerPhone, receiptReplies.askAmount(), input.messageId));
  }
  const proposal: ReceiptProposal = {
    tenantId: input.tenantId,
    ownerPhone: input.ownerPhone,
    proposalId: deterministicId(input.tenantId, input.messageId, 'receipt').slice(0, 20),
    sourceMessageId: input.messageId,
    amountCents: fields.totalCents,
    date: fields.date ?? today,
    merchant: fields.merchant,
    cnpj: fields.cnpj,
    paymentMethod: fields.paymentMethod,
    category: (await deps.categoriser.categorise(input.tenantId, 'expense', description)).category,
    description,
    createdAt: now.toISOString(),
    answerBy: expiresAt,
  };
  const question: NewOutboxMessage = {
    ...ownerReply(input.ownerPhone, '', input.messageId),
    content: {
      type: 'buttons',
      text: receiptReplies.proposal(proposal),
      buttons: [
        { id: receiptButtonId('confirm', proposal.proposalId), title: CONFIRMATION_BUTTON_TITLES.confirm },
        { id: receiptButtonId('deny', proposal.proposalId), title: CONFIRMATION_BUTTON_TITLES.deny },
      ],
    },
  };
  await queue(deps, input, question, proposal);
}

/** The rules' reading of the text, unless the model's proposal passes the grounding rules against it. */
async function fieldsOf(
  deps: ReadReceiptDependencies,
  input: OwnerMediaInput,
  file: { bytes: Uint8Array; mimeType: string },
  today: CalendarDate,
): Promise<ReceiptFields & { source: 'vision' | 'ocr'; characters: number }> {
  const [text, proposed] = await Promise.all([
    textOf(deps, input, file),
    deps.vision ? deps.vision.propose({ ...file, today }) : null,
  ]);
  if (proposed) {
    const checked = checkReceiptProposal(proposed, text, today);
    if ('fields' in checked) return { ...checked.fields, source: 'vision', characters: text.length };
    deps.logger.warn('receipt vision proposal rejected; the OCR rules read the receipt', {
      messageId: input.messageId,
      problem: checked.problem,
    });
  }
  return { ...readReceiptFields(text, today), source: 'ocr', characters: text.length };
}

async function textOf(
  deps: ReadReceiptDependencies,
  input: OwnerMediaInput,
  file: { bytes: Uint8Array; mimeType: string },
): Promise<string> {
  try {
    return await deps.ocr.readText(file);
  } catch (error) {
    if (!(error instanceof ReceiptNotReadableError)) throw error;
    deps.logger.warn('receipt not readable', { messageId: input.messageId, reason: error.message });
    return '';
  }
}

/** The reply (and the proposal it shows) in one transaction, once per receipt message. */
async function queue(
  deps: ReadReceiptDependencies,
  input: OwnerMediaInput,
  message: NewOutboxMessage,
  proposal?: ReceiptProposal,
): Promise<void> {
  const outboxMessage = newOutboxMessage(message, {
    id: deterministicId(input.tenantId, input.messageId, 'receipt-reply'),
    tenantId: input.tenantId,
    now: deps.clock.now(),
  });
  try {
    await deps.unitOfWork.run(async (tx) => {
      if (proposal) await deps.proposals.save(proposal, tx);
      await deps.outbox.add(outboxMessage, tx);
    });
  } catch (error) {
    if (!(error instanceof PreconditionFailedError)) throw error; // a replay: already proposed
  }
}
