import { deterministicId } from '#application/conversation/deterministic-id';
import type { OwnerMediaDependencies, OwnerMediaReader } from '#application/owner-media/handle-owner-media';
import type { MediaDownloader } from '#application/ports/media-downloader';
import type { ObjectStore } from '#application/ports/object-store';
import type { AgingImportWorkflow } from '#application/ports/workflows';
import { storeAgingFile } from './import-aging-file';
import { AGING_IMPORT_ACK_PURPOSE } from './report-aging-import';

export interface AgingSpreadsheetReaderDeps {
  files: ObjectStore;
  media: MediaDownloader;
  imports: AgingImportWorkflow;
  reply: OwnerMediaDependencies['reply'];
}

const XLSX = /spreadsheetml|ms-excel/;

export const agingImportReplies = {
  xlsxNotYet: () =>
    'Ainda não leio XLSX. Salve a planilha como CSV (separado por ; ou ,) e mande de novo. Nada foi importado.',
  received: (filename: string) =>
    `Recebi a planilha ${filename}, estou importando… Aviso aqui quando terminar, com as contagens.`,
} as const;

/**
 * The collections reader of owner spreadsheets (the inbound-media router sends CSV/XLSX here): download the
 * document from WhatsApp, keep it in the file bucket (hashed on the way), acknowledge it, and start the import
 * workflow, whose last step answers with the exact counts. The import id, the object key and the execution
 * name derive from the inbound message, so a replayed message stores the same object and starts nothing new.
 */
export function agingSpreadsheetReader(deps: AgingSpreadsheetReaderDeps): OwnerMediaReader {
  return {
    async read(input) {
      const filename = input.media.filename ?? 'carteira.csv';
      if (XLSX.test(input.media.mimeType) || /\.xlsx$/i.test(filename)) {
        await deps.reply(input, agingImportReplies.xlsxNotYet(), AGING_IMPORT_ACK_PURPOSE);
        return;
      }
      const importId = deterministicId(input.tenantId, input.messageId, 'aging-import');
      const downloaded = await deps.media.downloadMedia(input.media.mediaId);
      const stored = await storeAgingFile(deps, {
        tenantId: input.tenantId,
        importId,
        filename,
        contentType: downloaded.mimeType || 'text/csv',
        body: (async function* () {
          yield downloaded.bytes;
        })(),
      });
      await deps.reply(input, agingImportReplies.received(filename), AGING_IMPORT_ACK_PURPOSE);
      await deps.imports.startAgingImport({
        tenantId: input.tenantId,
        importId,
        objectKey: stored.objectKey,
        contentSha256: stored.contentSha256,
        filename,
        requestedBy: input.ownerPhone,
        messageId: input.messageId,
      });
    },
  };
}
