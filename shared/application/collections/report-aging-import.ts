import type { ConversationDependencies } from '#application/conversation/conversation-dependencies';
import { deterministicId } from '#application/conversation/deterministic-id';
import { replyOnce } from '#application/conversation/reply-once';
import { supersedeMessage } from '#application/outbox/supersede-message';
import type { AgingUploads } from '#application/ports/aging-uploads';
import type { AgingImportRequest } from '#application/ports/workflows';
import { failAgingImport, finishAgingImport } from './finish-aging-import';
import type { AgingImportDeps, claimAgingImport } from './import-aging-file';
import { importFailedText, importSummaryText } from './import-summary';

/** The owner's answer to the message that brought the file: queued once (the purpose is fixed per message). */
export type AgingImportReply = (request: AgingImportRequest, text: string) => Promise<void>;

/** The acknowledgement ("Recebi a planilha…, estou importando") answers the message that brought the file. */
export const AGING_IMPORT_ACK_PURPOSE = 'aging-import';
/** The summary answers the message that brought the file, once (its own purpose beside the acknowledgement). */
export const AGING_IMPORT_SUMMARY_PURPOSE = 'aging-import-summary';

type AgingImportReplyDeps = Pick<
  ConversationDependencies,
  'outbox' | 'clock' | 'unitOfWork' | 'ids' | 'boletoActivity'
>;

/**
 * The owner's answer through the outbox (one item per message and purpose), as every conversation reply. A
 * fast import finishes before its acknowledgement has gone out; two queued messages are not delivered in a
 * guaranteed order, and "estou importando" arriving after the counts would be false. So the acknowledgement
 * is withdrawn (`superseded`) if no worker has claimed it yet: the owner gets the summary alone.
 */
export function agingImportReply(deps: AgingImportReplyDeps): AgingImportReply {
  return async (request, text) => {
    await withdrawUnsentAcknowledgement(deps, request);
    await replyOnce(
      deps,
      request.tenantId,
      request.requestedBy,
      text,
      request.messageId,
      AGING_IMPORT_SUMMARY_PURPOSE,
    );
  };
}

async function withdrawUnsentAcknowledgement(
  deps: AgingImportReplyDeps,
  request: AgingImportRequest,
): Promise<void> {
  const ackId = deterministicId(request.tenantId, request.messageId, AGING_IMPORT_ACK_PURPOSE);
  const ack = await deps.outbox.get(request.tenantId, ackId);
  if (ack?.status !== 'pending') return;
  const now = deps.clock.now();
  // A claim of any age blocks (a worker is sending it right now): only a message nobody holds is withdrawn.
  await supersedeMessage(deps, ack, 'result_sent_instead', { now, staleBefore: new Date(0) });
}

export interface AgingImportReportDeps extends AgingImportDeps {
  reply: AgingImportReply;
  /** An API upload refused as busy says so in `GET /v1/imports/{id}` (WhatsApp imports have no upload). */
  uploads: Pick<AgingUploads, 'markBusy'>;
}

/** How long the owner's link to the error CSV works. */
const ERROR_REPORT_LINK_SECONDS = 7 * 24 * 3600;

/**
 * The import workflow's last step: finish the import (counts from what was written) and only then tell the
 * owner, with the exact counts and a 7-day link to the error CSV. A link, not a document message: the text
 * states only what is already true.
 */
export async function reportAgingImport(
  deps: AgingImportReportDeps,
  request: AgingImportRequest,
  claim: Awaited<ReturnType<typeof claimAgingImport>>['outcome'],
): Promise<{ status: string }> {
  const outcome = await finishAgingImport(deps, { ...request, claim });
  if (outcome.kind === 'busy')
    await deps.uploads.markBusy(request.tenantId, request.importId, deps.clock.now());
  let text = importSummaryText(outcome);
  if (outcome.kind === 'imported' && outcome.record.errorReportKey) {
    const url = await deps.files.downloadUrl(outcome.record.errorReportKey, {
      expiresInSeconds: ERROR_REPORT_LINK_SECONDS,
      filename: `erros-${request.filename.replace(/\.[^.]*$/, '')}.csv`,
    });
    text += `\nArquivo de erros (linha, coluna, motivo; vale 7 dias): ${url}`;
  }
  await deps.reply(request, text);
  return { status: outcome.kind };
}

/** The workflow's failure path: the import is marked failed (the same file may be sent again) and the owner told. */
export async function reportAgingImportFailure(
  deps: AgingImportReportDeps,
  request: AgingImportRequest,
): Promise<{ status: 'failed' }> {
  await failAgingImport(deps, request);
  await deps.reply(request, importFailedText(request.filename));
  return { status: 'failed' };
}
