import type { InboundMedia } from '#application/ports/inbound-message-repository';

/**
 * Where an owner's photo or file goes, by MIME type (and, for documents WhatsApp labels generically, by the
 * file name's extension): images and PDFs are receipts; CSV and XLSX spreadsheets are aging imports
 * (collections); anything else (a .docx, a video sent as a document) is not read.
 */
export type OwnerMediaRoute = 'receipt' | 'spreadsheet' | 'unsupported';

const SPREADSHEET_MIME_TYPES: ReadonlySet<string> = new Set([
  'text/csv',
  'application/csv',
  'text/comma-separated-values',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
]);

const GENERIC_MIME_TYPES: ReadonlySet<string> = new Set(['application/octet-stream', 'text/plain']);

export function ownerMediaRouteOf(
  media: Pick<InboundMedia, 'kind' | 'mimeType' | 'filename'>,
): OwnerMediaRoute {
  const mimeType = (media.mimeType.split(';')[0] ?? '').trim().toLowerCase();
  if (mimeType.startsWith('image/')) return 'receipt';
  if (mimeType === 'application/pdf') return 'receipt';
  if (SPREADSHEET_MIME_TYPES.has(mimeType)) return 'spreadsheet';
  if (media.kind === 'document' && GENERIC_MIME_TYPES.has(mimeType)) {
    const extension = /\.([a-z0-9]+)$/i.exec(media.filename ?? '')?.[1]?.toLowerCase();
    if (extension === 'csv' || extension === 'xlsx') return 'spreadsheet';
    if (extension === 'pdf') return 'receipt';
    if (extension && ['jpg', 'jpeg', 'png', 'webp'].includes(extension)) return 'receipt';
  }
  return 'unsupported';
}
