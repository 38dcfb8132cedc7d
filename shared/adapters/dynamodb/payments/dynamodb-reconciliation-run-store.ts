import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { ENTITY_ATTRIBUTE, primaryKey } from '#adapters/dynamodb/keys/entity-keys';
import { itemFields as f, parseItem } from '#adapters/dynamodb/keys/item-schema';
import { attr, key } from '#adapters/dynamodb/keys/key-template';
import { TableAccess } from '#adapters/dynamodb/table-access';
import { IRIS_TABLE } from '#adapters/dynamodb/table-design';
import type {
  ReconciliationRun,
  ReconciliationRunStore,
} from '#application/reconciliation/reconciliation-run-store';

/**
 * A reconciliation run's summary: one partition per tenant (`T#<t>#RECONCILIATION`), sorted by start instant
 * (`RUN#<startedAt>#<runId>`), so "the latest runs" is one Query. Kept 400 days (TTL).
 */
export const ReconciliationRunEntity = {
  name: 'ReconciliationRun',
  primary: primaryKey(
    key('T', attr('tenantId'), 'RECONCILIATION'),
    key('RUN', attr('startedAt'), attr('runId')),
  ),
} as const;

const TTL_SECONDS = 400 * 86_400;

const ReconciliationRunItem = z.looseObject({
  tenantId: f.id(),
  runId: f.id(),
  startedAt: f.instant(),
  finishedAt: f.instant(),
  checked: f.count(),
  healed: f.count(),
  failed: f.count(),
  skipped: f.count(),
  outcomes: z.record(z.string(), f.count()),
  failures: z.array(z.looseObject({ boletoId: f.id(), error: f.text() })),
});

export class DynamoDbReconciliationRunStore implements ReconciliationRunStore {
  private readonly table: TableAccess;

  constructor(tableName: string, client?: DynamoDBDocumentClient) {
    this.table = new TableAccess(tableName, client);
  }

  async record(run: ReconciliationRun): Promise<void> {
    await this.table.write(undefined, (builder) =>
      builder.put(
        {
          ...ReconciliationRunEntity.primary.key(run),
          [ENTITY_ATTRIBUTE]: ReconciliationRunEntity.name,
          ...run,
          [IRIS_TABLE.timeToLiveAttribute]: Math.floor(Date.parse(run.finishedAt) / 1000) + TTL_SECONDS,
        },
        { condition: { expression: 'attribute_not_exists(pk)' } },
      ),
    );
  }

  async listRecent(tenantId: string, limit: number): Promise<ReconciliationRun[]> {
    const { pk, sk } = ReconciliationRunEntity.primary;
    const items = await this.table.query({
      partition: pk.build({ tenantId }),
      sortKeyBeginsWith: sk.prefix({}),
      newestFirst: true,
      limit,
    });
    return items.map((item) => parseItem(ReconciliationRunEntity.name, ReconciliationRunItem, item));
  }
}
