import type { OwnerMediaDependencies, OwnerMediaReader } from '#application/owner-media/handle-owner-media';
import type { MediaDownloader } from '#application/ports/media-downloader';
import { type ImportAgingDeps, importAgingFile, storeAgingFile } from './import-aging-file';
import { importSummaryText } from './import-summary';

export interface AgingSpreadsheetReaderDeps extends ImportAgingDeps {
  media: MediaDownloader;
  reply: OwnerMediaDependencies['reply'];
}

/** How long the owner's link to the error CSV works. */
const ERROR_REPORT_LINK_SECONDS = 7 * 24 * 3600;

const XLSX = /spreadsheetml|ms-excel/;

export const agingImportReplies = {
  xlsxNotYet: () =>
    'Ainda não leio XLSX. Salve a planilha como CSV (separado por ; ou ,) e mande de novo. Nada foi importado.',
} as const;

/**
 * The collections reader of owner spreadsheets (the inbound-media router sends CSV/XLSX here): download the
 * document from WhatsApp, keep it in the file bucket (hashed on the way), import it, and answer the owner
 * with the exact counts and a time-limited link to the error CSV. One answer per inbound message (the reply's
 * purpose is fixed), and a replayed message finds its file already imported.
 */
export function agingSpreadsheetReader(deps: AgingSpreadsheetReaderDeps): OwnerMediaReader {
  return {
    async read(input) {
      const filename = input.media.filename ?? 'carteira.csv';
      if (XLSX.test(input.media.mimeType) || /\.xlsx$/i.test(filename)) {
        await deps.reply(input, agingImportReplies.xlsxNotYet(), 'aging-import');
        return;
      }
      const downloaded = await deps.media.downloadMedia(input.media.mediaId);
      const stored = await storeAgingFile(deps, {
        tenantId: input.tenantId,
        filename,
        contentType: downloaded.mimeType || 'text/csv',
        body: (async function* () {
          yield downloaded.bytes;
        })(),
      });
      const outcome = await importAgingFile(deps, {
        tenantId: input.tenantId,
        file: stored,
        requestedBy: input.ownerPhone,
      });
      let text = importSummaryText(outcome);
      if (outcome.kind === 'imported' && outcome.record.errorReportKey) {
        const url = await deps.files.downloadUrl(outcome.record.errorReportKey, {
          expiresInSeconds: ERROR_REPORT_LINK_SECONDS,
          filename: `erros-${filename.replace(/\.[^.]*$/, '')}.csv`,
        });
        text += `\nArquivo de erros (linha, coluna, motivo; vale 7 dias): ${url}`;
      }
      await deps.reply(input, text, 'aging-import');
    },
  };
}
