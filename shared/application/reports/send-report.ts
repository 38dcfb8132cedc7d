import { ledgerCsv } from '#application/exports/export-csv';
import { addToOutbox } from '#application/outbox/add-to-outbox';
import type { Clock } from '#application/ports/clock';
import type { IdGenerator } from '#application/ports/id-generator';
import { MAX_DOWNLOAD_URL_SECONDS, type ObjectStore } from '#application/ports/object-store';
import type { OutboxRepository } from '#application/ports/outbox-repository';
import type { ReportRenderer } from '#application/ports/report-renderer';
import {
  DuplicateReportError,
  type GeneratedReport,
  type ReportRepository,
} from '#application/ports/report-repository';
import type { UnitOfWork } from '#application/ports/unit-of-work';
import { escapeHtml } from '#application/reminders/reminder-messages-pt-br';
import { saoPauloDateOf } from '#domain/calendar-date';
import type { NewOutboxMessage } from '#domain/outbox-message';
import type { E164 } from '#domain/phone-number';
import { periodKey, periodTitle, type ReportPeriod } from '#domain/report-period';
import { type BuildReportDependencies, buildReport } from './build-report';
import { reportSummaryText } from './report-summary-text';

export interface SendReportDependencies extends BuildReportDependencies {
  renderer: ReportRenderer;
  files: ObjectStore;
  reports: ReportRepository;
  outbox: OutboxRepository;
  ids: IdGenerator;
  unitOfWork: UnitOfWork;
  clock: Clock;
}

export interface ReportRequest {
  tenantId: string;
  /** Derived from the cause (the schedule's period, the owner's message id): a replay sends nothing twice. */
  reportId: string;
  period: ReportPeriod;
  trigger: GeneratedReport['trigger'];
  /** The owners' WhatsApp numbers. */
  recipients: readonly E164[];
  /** The owner's e-mail, when known: gets the summary with the file attached. */
  email?: string;
  correlationId: string;
  /**
   * Queue the text summary before the document (default). The conversation answers an owner's request with
   * the summary as its one reply instead, so it asks for the document only.
   */
  summaryMessage?: boolean;
}

export interface SentReport {
  report: GeneratedReport;
  /** The text summary; absent when the report had already been generated (a replay). */
  summary?: string;
}

/**
 * Where the files go: under the bucket's `outbound/` prefix (generated files sent to people, kept 90 days by
 * its lifecycle rule); the record in the table outlives the file.
 */
export const REPORT_KEY_PREFIX = 'outbound/reports/';

/** How long the WhatsApp document's link works (WhatsApp fetches it at once; the console shows it). */
const LINK_SECONDS = MAX_DOWNLOAD_URL_SECONDS;

/**
 * The report for a period: figures, PDF stored under `reports/`, then one transaction that records the report
 * and queues, for each owner, the text summary and the PDF as a WhatsApp document, plus an e-mail with the
 * file attached when the owner's address is known. Nothing here says "enviei": the messages are the report, and
 * each one is sent (or retried, or reported failed) by the outbox. A replayed cause returns the report already
 * recorded and queues nothing.
 */
export async function sendReport(deps: SendReportDependencies, request: ReportRequest): Promise<SentReport> {
  const existing = await deps.reports.get(request.tenantId, request.reportId);
  if (existing) return { report: existing };
  const now = deps.clock.now();
  const content = await buildReport(deps, {
    tenantId: request.tenantId,
    period: request.period,
    asOf: saoPauloDateOf(now),
  });
  const pdf = await deps.renderer.renderPdf(content);
  const summary = reportSummaryText(content);
  const report = await deliverFile(deps, request, {
    format: 'pdf',
    body: pdf,
    contentType: 'application/pdf',
    filename: `relatorio-${periodKey(request.period)}.pdf`,
    caption: `Relatório de ${periodTitle(request.period)} (PDF)`,
    ...(request.summaryMessage !== false && { summary }),
    incomeCents: content.incomeCents,
    expenseCents: content.expenseCents,
  });
  return { report, summary };
}

/**
 * "me manda a planilha de dezembro": the period's ledger as the owner's spreadsheet CSV (the tenant API's
 * export format: `;`, BOM, `1.234,56`, `dd/mm/aaaa`) sent as a WhatsApp document, recorded like a report.
 */
export async function sendLedgerSpreadsheet(
  deps: Pick<
    SendReportDependencies,
    'sources' | 'files' | 'reports' | 'outbox' | 'ids' | 'unitOfWork' | 'clock'
  >,
  request: ReportRequest,
): Promise<GeneratedReport> {
  const existing = await deps.reports.get(request.tenantId, request.reportId);
  if (existing) return existing;
  const entries = await deps.sources.ledgerEntries(request.tenantId, request.period);
  const sum = (kind: 'income' | 'expense') =>
    entries.filter((e) => e.kind === kind).reduce((total, e) => total + e.amountCents, 0);
  return deliverFile(deps, request, {
    format: 'csv',
    body: await joined(ledgerCsv('br', onePage(entries))),
    contentType: 'text/csv; charset=utf-8',
    filename: `lancamentos-${periodKey(request.period)}.csv`,
    caption: `Lançamentos de ${periodTitle(request.period)} (${entries.length} ${entries.length === 1 ? 'linha' : 'linhas'})`,
    incomeCents: sum('income'),
    expenseCents: sum('expense'),
  });
}

interface FileToDeliver {
  format: GeneratedReport['format'];
  body: Uint8Array | string;
  contentType: string;
  filename: string;
  caption: string;
  /** A text message sent before the document (the report's summary). */
  summary?: string;
  incomeCents: number;
  expenseCents: number;
}

async function deliverFile(
  deps: Pick<SendReportDependencies, 'files' | 'reports' | 'outbox' | 'ids' | 'unitOfWork' | 'clock'>,
  request: ReportRequest,
  file: FileToDeliver,
): Promise<GeneratedReport> {
  const objectKey = `${REPORT_KEY_PREFIX}${request.tenantId}/${request.reportId}.${file.format}`;
  // Stored before it is recorded: a crash between the two leaves a file no message names, and the retry
  // overwrites it with the same name.
  await deps.files.put({
    key: objectKey,
    body: file.body,
    contentType: file.contentType,
    filename: file.filename,
  });
  const link = await deps.files.downloadUrl(objectKey, {
    expiresInSeconds: LINK_SECONDS,
    filename: file.filename,
  });
  const now = deps.clock.now();
  const report: GeneratedReport = {
    tenantId: request.tenantId,
    reportId: request.reportId,
    format: file.format,
    title: periodTitle(request.period),
    periodFrom: request.period.from,
    periodTo: request.period.to,
    trigger: request.trigger,
    objectKey,
    filename: file.filename,
    incomeCents: file.incomeCents,
    expenseCents: file.expenseCents,
    createdAt: now.toISOString(),
  };
  const messages: NewOutboxMessage[] = request.recipients.flatMap((recipient) => [
    ...(file.summary ? [toOwner(recipient, { type: 'text', text: file.summary }, request)] : []),
    toOwner(recipient, { type: 'document', link, filename: file.filename, caption: file.caption }, request),
  ]);
  if (request.email) messages.push(emailWith(request, file, objectKey));
  try {
    await deps.unitOfWork.run(async (tx) => {
      await deps.reports.add(report, tx);
      for (const message of messages) await addToOutbox(deps, tx, request.tenantId, message, now);
    });
  } catch (error) {
    if (!(error instanceof DuplicateReportError)) throw error;
    return (await deps.reports.get(request.tenantId, request.reportId)) ?? report;
  }
  return report;
}

function toOwner(
  recipient: E164,
  content: NewOutboxMessage['content'],
  request: ReportRequest,
): NewOutboxMessage {
  return {
    channel: 'whatsapp',
    kind: 'owner_reply',
    recipient,
    audience: 'owner',
    content,
    correlationId: request.correlationId,
  };
}

/**
 * The file goes as an attachment, not a link: the owner forwards the e-mail to the accountant, and a link
 * expires. The outbox item names the stored file (an item holds at most DynamoDB's 400 KB); the e-mail
 * delivery reads it when it sends and fails the message rather than send it without the file, so "segue em
 * anexo" is true of every e-mail that goes out.
 */
function emailWith(request: ReportRequest, file: FileToDeliver, objectKey: string): NewOutboxMessage {
  const text = [file.summary ?? file.caption, '', `Segue em anexo: ${file.filename}.`].join('\n');
  const html = text
    .split('\n\n')
    .map((paragraph) => `<p>${escapeHtml(paragraph).replaceAll('\n', '<br>')}</p>`)
    .join('\n');
  return {
    channel: 'email',
    kind: 'owner_reply',
    recipient: request.email as string,
    audience: 'owner',
    content: {
      type: 'email',
      subject: `IRIS: ${file.caption}`,
      text,
      html,
      attachments: [{ objectKey, filename: file.filename, contentType: file.contentType }],
    },
    correlationId: request.correlationId,
  };
}

/** The month's entries are already read: the export's page-by-page writer gets them as one page. */
async function* onePage<T>(items: readonly T[]): AsyncGenerator<readonly T[]> {
  yield items;
}

async function joined(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}
