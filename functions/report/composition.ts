import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { PdfLibReportRenderer } from '#adapters/pdf/pdf-lib-report-renderer';
import { systemClock } from '#adapters/system/system-clock';
import { TimeOrderedIdGenerator } from '#adapters/system/time-ordered-id-generator';
import { repositoryReportSources } from '#application/reports/report-sources';
import { composeObjectStore } from '#config/object-store-config';
import { processEnv } from '#config/process-env';
import { loadReportConfig } from '#config/report-config';
import { createLogger } from '#logging/create-logger';
import type { ReportHandlerDependencies } from './create-handler';

/** Built once per container, at cold start. */
const config = loadReportConfig(processEnv());
const repositories = createTableRepositories(config.tableName);
const clock = systemClock;

export const logger = createLogger('report');

export const deps: ReportHandlerDependencies = {
  report: {
    ...repositories,
    sources: repositoryReportSources({ ...repositories, clock }),
    renderer: new PdfLibReportRenderer(),
    files: composeObjectStore(config.files),
    ids: new TimeOrderedIdGenerator(clock),
    clock,
  },
  tenantId: config.tenantId,
  ...(config.ownerEmail && { ownerEmail: config.ownerEmail }),
};
