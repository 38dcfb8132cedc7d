import * as z from 'zod/mini';
import { applyAgingBatch } from '#application/collections/apply-aging-batch';
import { closeVanishedInvoices, deriveAccountsAging } from '#application/collections/finish-aging-import';
import { claimAgingImport, normaliseAgingFile } from '#application/collections/import-aging-file';
import {
  type AgingImportReportDeps,
  reportAgingImport,
  reportAgingImportFailure,
} from '#application/collections/report-aging-import';
import { InvalidInputError } from '#domain/domain-error';
import { agingImportEventSchema } from './aging-import.schema';

export type AgingImportHandler = (event: unknown) => Promise<unknown>;

/**
 * The raw handler of the aging import workflow's Tasks: validate the Task's input, run one step, return its
 * small result (the rows themselves never travel back). Errors keep their names (`PersistenceError`, ...) so
 * the workflow's Retry and Catch apply.
 */
export function createAgingImportHandler(deps: AgingImportReportDeps): AgingImportHandler {
  return async (event) => {
    const parsed = agingImportEventSchema.safeParse(event);
    if (!parsed.success)
      throw new InvalidInputError(`aging import step input: ${z.prettifyError(parsed.error)}`);
    const step = parsed.data;
    switch (step.action) {
      case 'claim':
        return claimAgingImport(deps, step.request);
      case 'normalise':
        return normaliseAgingFile(deps, step.request);
      case 'apply_batch':
        return applyAgingBatch(deps, step);
      case 'close_vanished':
        return closeVanishedInvoices(deps, step.request);
      case 'derive_aging':
        return deriveAccountsAging(deps, step.request);
      case 'report':
        return reportAgingImport(deps, step.request, step.claim);
      case 'report_failure':
        return reportAgingImportFailure(deps, step.request);
    }
  };
}
