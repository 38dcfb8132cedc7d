import { DynamoDbAgingImportBatches } from '#adapters/dynamodb/receivables/dynamodb-aging-import-batches';
import type { TableAccess } from '#adapters/dynamodb/table-access';
import { calendarDate } from '#domain/calendar-date';
import type { AgingRow } from '#domain/collections/aging-row';

/**
 * What the aging import's batch and derive steps write for `rows` on `asOf` (accounts, billing contacts,
 * invoices, snapshots, each account's derived aging), through the same repository the workflow uses, for tests
 * that need a portfolio without running the whole import workflow.
 */
export async function seedAgingRows(
  table: TableAccess,
  tenantId: string,
  asOf: string,
  rows: readonly AgingRow[],
  importId = `imp-${asOf}`,
): Promise<void> {
  const batches = new DynamoDbAgingImportBatches(table);
  const importRecord = { importId, asOf: calendarDate(asOf) };
  await batches.writeRows(tenantId, importRecord, rows, 1);
  const agings = await batches.accountAgings(tenantId, importId);
  await batches.putAccountAgings(
    tenantId,
    [...agings].map(([clientId, derived]) => ({ clientId, agingAsOf: importRecord.asOf, ...derived })),
  );
}
