import type { ReportContent } from '#domain/report-content';

/** Port: lays a report's figures out as a PDF (the adapter is `shared/adapters/pdf`). Adds no figure of its own. */
export interface ReportRenderer {
  renderPdf(content: ReportContent): Promise<Uint8Array>;
}
