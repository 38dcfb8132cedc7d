import { DynamoDbAgingImportBatches } from '#adapters/dynamodb/receivables/dynamodb-aging-import-batches';
import { DynamoDbAgingUploads } from '#adapters/dynamodb/receivables/dynamodb-aging-uploads';
import { DynamoDbReceivablesRepository } from '#adapters/dynamodb/receivables/dynamodb-receivables-repository';
import { TableAccess } from '#adapters/dynamodb/table-access';
import { createTableRepositories } from '#adapters/dynamodb/table-repositories';
import { createS3Client } from '#adapters/s3/create-s3-client';
import { S3ObjectStore } from '#adapters/s3/s3-object-store';
import { TimeOrderedIdGenerator } from '#adapters/system/time-ordered-id-generator';
import { storeAgingFile } from '#application/collections/import-aging-file';
import { AGING_IMPORT_SUMMARY_PURPOSE, agingImportReply } from '#application/collections/report-aging-import';
import { deterministicId } from '#application/conversation/deterministic-id';
import type { ObjectStore } from '#application/ports/object-store';
import type { AgingImportRequest } from '#application/ports/workflows';
import { createAgingImportHandler } from '#functions/aging-import/create-handler';
import { type ExecutionDescription, LocalStepFunctions } from '#infra/local/emulators/step-functions/index';
import { VirtualClock } from '#infra/local/emulators/virtual-clock';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '#infra/local/local-cloud-names';
import { localObjectReader, type RunningS3Local, startS3Local } from '#infra/local/s3-local';
import { agingFileBytes, type GeneratedAgingFile } from '#simulators/collections/aging-file-generator';
import type { TestTable } from '#test/support/dynamodb-test-table';
import { agingImportWorkflowDefinition } from '#workflows/aging-import-workflow';

const MACHINE_ARN = 'arn:aws:states:us-east-1:000000000000:stateMachine:iris-test-aging-import';
const FUNCTION_ARN = 'arn:aws:lambda:us-east-1:000000000000:function:iris-test-aging-import';

/**
 * The aging import workflow on real parts, without a whole local cloud: the deployed definition on the local
 * Step Functions emulator (Distributed Map over s3rver), the real `aging-import` handler, DynamoDB Local.
 * `now` is what the steps read as the time (the import's São Paulo date).
 */
export async function startAgingImportRig(table: TestTable) {
  const s3: RunningS3Local = await startS3Local({
    bucketName: 'iris-test-files',
    credentials: LOCAL_CREDENTIALS,
  });
  const files = new S3ObjectStore(
    { bucketName: s3.bucketName },
    createS3Client({
      endpoint: s3.endpoint,
      forcePathStyle: true,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
    }),
  );
  const tableAccess = new TableAccess(table.tableName, table.documentClient);
  const repositories = createTableRepositories(table.tableName, table.documentClient);
  const time = { now: new Date('2026-12-05T13:00:00Z') };
  const clock = { now: () => time.now };
  const receivables = new DynamoDbReceivablesRepository(tableAccess);
  const deps = {
    files,
    receivables,
    batches: new DynamoDbAgingImportBatches(tableAccess),
    uploads: new DynamoDbAgingUploads(tableAccess),
    clock,
    reply: agingImportReply({ ...repositories, clock, ids: new TimeOrderedIdGenerator() }),
  };
  const sfn = new LocalStepFunctions({
    clock: new VirtualClock(),
    retryIntervalMs: 5,
    settleClockAdvances: false,
    readObject: localObjectReader(s3.endpoint, LOCAL_CREDENTIALS),
  });
  sfn.registerStateMachine({
    arn: MACHINE_ARN,
    definition: agingImportWorkflowDefinition(),
    definitionSubstitutions: { AgingImportFunctionArn: FUNCTION_ARN, FilesBucketName: s3.bucketName },
    lambdaFunctions: { [FUNCTION_ARN]: createAgingImportHandler(deps) },
  });

  /** Stores the file as the conversation step does and runs the workflow to its end. */
  async function importFile(
    tenantId: string,
    file: GeneratedAgingFile | { bytes: Uint8Array },
    messageId: string,
  ): Promise<{ execution: ExecutionDescription; request: AgingImportRequest; summary?: string }> {
    const request = await storeAgingImportRequest(files, {
      tenantId,
      messageId,
      requestedBy: '+5511999990001',
      body:
        'bytes' in file
          ? (async function* () {
              yield file.bytes;
            })()
          : agingFileBytes(file),
    });
    const importId = request.importId;
    const { executionArn } = sfn.startExecution({
      stateMachineArn: MACHINE_ARN,
      name: `imp-${importId.slice(0, 40)}`,
      input: JSON.stringify(request),
    });
    const execution = await sfn.waitForExecution(executionArn);
    const reply = await repositories.outbox.get(
      tenantId,
      deterministicId(tenantId, messageId, AGING_IMPORT_SUMMARY_PURPOSE),
    );
    const content = reply?.content;
    const summary =
      content && 'text' in content && typeof content.text === 'string' ? content.text : undefined;
    return { execution, request, ...(summary !== undefined && { summary }) };
  }

  return {
    time,
    files,
    receivables,
    importFile,
    deps,
    async close() {
      sfn.dispose();
      await s3.close();
    },
  };
}

/** Stores a file as the WhatsApp path does (import id from the message) and returns the workflow's input. */
export async function storeAgingImportRequest(
  files: ObjectStore,
  input: { tenantId: string; messageId: string; requestedBy: string; body: AsyncIterable<Uint8Array> },
): Promise<AgingImportRequest> {
  const importId = deterministicId(input.tenantId, input.messageId, 'aging-import');
  const stored = await storeAgingFile(
    { files },
    {
      tenantId: input.tenantId,
      importId,
      filename: 'carteira.csv',
      contentType: 'text/csv',
      body: input.body,
    },
  );
  return {
    tenantId: input.tenantId,
    importId,
    objectKey: stored.objectKey,
    contentSha256: stored.contentSha256,
    filename: stored.filename,
    requestedBy: input.requestedBy,
    messageId: input.messageId,
  };
}

export type AgingImportRig = Awaited<ReturnType<typeof startAgingImportRig>>;
