import { catchAllTo, transientRetry } from './task-policies';

/**
 * The aging import (issue 13), one execution per imported file, named after the inbound message that brought
 * it (a replayed message cannot start a second one). Every Task calls the `aging-import` function with an
 * `action`:
 *
 *   Claim → Claimed? → Normalise → Normalised? → ApplyBatches (Distributed Map) → CloseVanished → DeriveAging
 *   → Report                                         any failure → ReportFailure → Failed
 *
 * - Claim: the same-bytes guard and the tenant's import lock (a duplicate or a busy tenant goes straight to
 *   Report, which says so).
 * - Normalise: streams the owner's file (`;`/`,`/tab, UTF-8 or Windows-1252, BOM, BRL amounts, dd/mm/aaaa)
 *   into a clean `imports/<tenant>/<id>/normalised.csv` of validated rows, and the error CSV. AWS's CSV
 *   ItemReader reads UTF-8 with a fixed delimiter (COMMA, PIPE, SEMICOLON, SPACE or TAB) and hands every cell
 *   over as a string: it cannot decode Windows-1252, sniff the separator or parse `R$ 1.234,56`, so the Map
 *   reads the clean copy, never the owner's bytes.
 * - ApplyBatches: a Distributed Map reading that object from S3 (ItemReader, header in the first row),
 *   `ItemBatcher` slices of at most `ROWS_PER_BATCH` rows, `MAX_CONCURRENT_BATCHES` child executions at a
 *   time (EXPRESS: a batch is idempotent, and a child billed by duration costs less than Standard's
 *   transitions), no tolerated failures. The children's outputs are dropped (`ResultPath: null`): the counts
 *   live in the table, written by each batch. The local cloud runs the same definition
 *   (infra/local/emulators/step-functions/distributed-map.ts).
 * - Report: the counts from what was written, then the owner's one answer (only now: truth).
 */

// biome-ignore lint/suspicious/noTemplateCurlyInString: a Step Functions definition substitution, not a template
export const AGING_IMPORT_FUNCTION_ARN = '${AgingImportFunctionArn}';
// biome-ignore lint/suspicious/noTemplateCurlyInString: a Step Functions definition substitution, not a template
export const FILES_BUCKET_NAME = '${FilesBucketName}';

export const AGING_IMPORT_STATE_NAMES = {
  claim: 'Claim',
  claimed: 'Claimed',
  normalise: 'Normalise',
  normalised: 'Normalised',
  applyBatches: 'ApplyBatches',
  applyBatch: 'ApplyBatch',
  closeVanished: 'CloseVanished',
  deriveAging: 'DeriveAging',
  report: 'Report',
  reportFailure: 'ReportFailure',
  failed: 'Failed',
} as const;

/** Rows per child execution: ~450 bytes a row as JSON keeps a batch well under the 256 KiB payload limit. */
export const ROWS_PER_BATCH = 400;
export const MAX_BATCH_BYTES = 200_000;
/** Batches applied at once: enough to keep DynamoDB busy, few enough not to throttle an on-demand table. */
export const MAX_CONCURRENT_BATCHES = 4;

/** Errors of our own steps worth another try (every step is idempotent for its import). */
export const AGING_IMPORT_RETRYABLE_ERRORS = ['PersistenceError', 'ObjectStoreError'];

const S = AGING_IMPORT_STATE_NAMES;

/** A Task of the `aging-import` function given the whole state as `request`; `next: 'end'` ends the execution. */
function stepTask(action: string, resultPath: string, next: string, extra: Record<string, string> = {}) {
  return {
    Type: 'Task',
    Resource: AGING_IMPORT_FUNCTION_ARN,
    Parameters: { action, 'request.$': '$', ...extra },
    ResultPath: resultPath,
    Retry: [transientRetry(AGING_IMPORT_RETRYABLE_ERRORS)],
    Catch: catchAllTo(S.reportFailure),
    ...(next === 'end' ? { End: true } : { Next: next }),
  };
}

export function agingImportWorkflowDefinition() {
  return {
    Comment: 'IRIS aging import: claim, normalise, apply batches (Distributed Map), close, derive, report',
    StartAt: S.claim,
    States: {
      [S.claim]: stepTask('claim', '$.claim', S.claimed),
      [S.claimed]: {
        Type: 'Choice',
        Choices: [{ Variable: '$.claim.outcome', StringEquals: 'claimed', Next: S.normalise }],
        Default: S.report,
      },
      [S.normalise]: stepTask('normalise', '$.normalise', S.normalised),
      [S.normalised]: {
        Type: 'Choice',
        Choices: [{ Variable: '$.normalise.outcome', StringEquals: 'normalised', Next: S.applyBatches }],
        Default: S.report,
      },
      [S.applyBatches]: {
        Type: 'Map',
        ItemReader: {
          Resource: 'arn:aws:states:::s3:getObject',
          ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW', CSVDelimiter: 'COMMA' },
          Parameters: { Bucket: FILES_BUCKET_NAME, 'Key.$': '$.normalise.normalisedKey' },
        },
        ItemBatcher: {
          MaxItemsPerBatch: ROWS_PER_BATCH,
          MaxInputBytesPerBatch: MAX_BATCH_BYTES,
          BatchInput: { 'tenantId.$': '$.tenantId', 'importId.$': '$.importId' },
        },
        MaxConcurrency: MAX_CONCURRENT_BATCHES,
        ToleratedFailurePercentage: 0,
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
          StartAt: S.applyBatch,
          States: {
            [S.applyBatch]: {
              Type: 'Task',
              Resource: AGING_IMPORT_FUNCTION_ARN,
              Parameters: {
                action: 'apply_batch',
                'tenantId.$': '$.BatchInput.tenantId',
                'importId.$': '$.BatchInput.importId',
                'items.$': '$.Items',
              },
              Retry: [transientRetry(AGING_IMPORT_RETRYABLE_ERRORS)],
              End: true,
            },
          },
        },
        ResultPath: null,
        Catch: catchAllTo(S.reportFailure),
        Next: S.closeVanished,
      },
      [S.closeVanished]: stepTask('close_vanished', '$.close', S.deriveAging),
      [S.deriveAging]: stepTask('derive_aging', '$.derive', S.report),
      [S.report]: stepTask('report', '$.report', 'end', { 'claim.$': '$.claim.outcome' }),
      [S.reportFailure]: {
        Type: 'Task',
        Resource: AGING_IMPORT_FUNCTION_ARN,
        Parameters: { action: 'report_failure', 'request.$': '$' },
        ResultPath: '$.reported',
        Retry: [transientRetry(AGING_IMPORT_RETRYABLE_ERRORS)],
        Next: S.failed,
      },
      [S.failed]: { Type: 'Fail', Error: 'AgingImportFailed', Cause: 'The aging import could not finish.' },
    },
  };
}
