import type { InboundMedia } from '#application/ports/inbound-message-repository';
import type { E164 } from '#domain/phone-number';
import { ownerMediaRouteOf } from './media-route';

/** One photo or file from the owner, as the conversation's first step receives it. */
export interface OwnerMediaInput {
  tenantId: string;
  ownerPhone: E164;
  /** The inbound message id: every effect (reply, proposal, entry) derives its id from it. */
  messageId: string;
  media: InboundMedia;
}

/** Reads one kind of owner media and answers the owner itself (a proposal, a question, an import result). */
export interface OwnerMediaReader {
  read(input: OwnerMediaInput): Promise<void>;
}

export interface OwnerMediaDependencies {
  /** Images and PDFs: receipts (finance). */
  receipts: OwnerMediaReader;
  /** CSV and XLSX: the aging import (collections). */
  spreadsheets: OwnerMediaReader;
  /** A text reply to this message, queued once (derived from the message id and `purpose`). */
  reply(input: OwnerMediaInput, text: string, purpose: string): Promise<void>;
}

export const ownerMediaReplies = {
  unsupportedDocument: () =>
    'Ainda não leio esse tipo de arquivo. Mande a foto ou o PDF de um comprovante, ou uma planilha CSV/XLSX.',
} as const;

/** Routes an owner's photo or file; the composition builds one per function. */
export function ownerMediaRouter(deps: OwnerMediaDependencies): OwnerMediaReader {
  return { read: (input) => handleOwnerMedia(deps, input) };
}

/** Routes an owner's photo or file by its MIME type (see `ownerMediaRouteOf`). */
export async function handleOwnerMedia(deps: OwnerMediaDependencies, input: OwnerMediaInput): Promise<void> {
  switch (ownerMediaRouteOf(input.media)) {
    case 'receipt':
      return deps.receipts.read(input);
    case 'spreadsheet':
      return deps.spreadsheets.read(input);
    case 'unsupported':
      return deps.reply(input, ownerMediaReplies.unsupportedDocument(), 'media-unsupported');
  }
}
