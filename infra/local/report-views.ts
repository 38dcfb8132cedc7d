import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbReportRepository } from '#adapters/dynamodb/reports/dynamodb-report-repository';
import type { ObjectStore } from '#application/ports/object-store';
import type { GeneratedReport } from '#application/ports/report-repository';
import { composeObjectStore, loadObjectStoreConfig } from '#config/object-store-config';
import { processEnv } from '#config/process-env';

/** A generated report as `GET /_local/reports` and the console show it: the record and a fresh link. */
export interface ReportView extends GeneratedReport {
  /** A presigned GET on the local S3 emulator, valid one hour. */
  link: string;
}

const LIST_LIMIT = 50;
const LINK_SECONDS = 3600;

/**
 * The tenant's generated reports, newest first (one Query), each with a link minted now through the same
 * `ObjectStore` the functions use (the environment the local cloud applied points it at the emulator).
 */
export class LocalReportViews {
  private readonly reports: DynamoDbReportRepository;
  private files: ObjectStore | undefined;

  constructor(tableName: string, documentClient: DynamoDBDocumentClient) {
    this.reports = new DynamoDbReportRepository(tableName, documentClient);
  }

  async list(tenantId: string): Promise<ReportView[]> {
    const reports = await this.reports.listRecent(tenantId, LIST_LIMIT);
    if (reports.length === 0) return [];
    this.files ??= composeObjectStore(loadObjectStoreConfig(processEnv()));
    const files = this.files;
    return Promise.all(
      reports.map(async (report) => ({
        ...report,
        link: await files.downloadUrl(report.objectKey, {
          expiresInSeconds: LINK_SECONDS,
          filename: report.filename,
        }),
      })),
    );
  }
}
