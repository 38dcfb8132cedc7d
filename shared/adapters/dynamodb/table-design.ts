/**
 * The ONE definition of IRIS's single DynamoDB table, as plain data (no CDK, no SDK imports: Lambda bundles
 * and the local cloud may import it). The CDK construct (`infra/constructs/iris-table.ts`) and the test
 * harness / local cloud (`toCreateTableInput`, `toUpdateTimeToLiveInput`) are both derived from it.
 *
 * Keys are generic (`pk`/`sk`, `gsi1pk`/`gsi1sk`...) and overloaded by the entities declared in
 * `shared/adapters/dynamodb/entities/`; each GSI is named for the access pattern it serves.
 * See `docs/access-patterns.md`.
 */
export const IRIS_TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  globalSecondaryIndexes: {
    /** Everything about one contact, ordered by kind and date: boletos (by due date) and payments (by date). */
    byContact: { partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /** Sparse: only boletos that are still open, per tenant, ordered by due date (reconciliation, "who owes"). */
    openByDueDate: { partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  },
  /** Epoch seconds. DynamoDB deletes an item some time (up to ~48 h) after this instant; readers must still check it. */
  timeToLiveAttribute: 'expiresAt',
  streamViewType: 'NEW_AND_OLD_IMAGES',
  billingMode: 'PAY_PER_REQUEST',
} as const;

export type IrisIndexName = keyof typeof IRIS_TABLE.globalSecondaryIndexes;

/** Every key attribute of the table (all strings). */
export type IrisKeyAttribute =
  | typeof IRIS_TABLE.partitionKey
  | typeof IRIS_TABLE.sortKey
  | (typeof IRIS_TABLE.globalSecondaryIndexes)[IrisIndexName]['partitionKey']
  | (typeof IRIS_TABLE.globalSecondaryIndexes)[IrisIndexName]['sortKey'];

export function indexNames(): IrisIndexName[] {
  return Object.keys(IRIS_TABLE.globalSecondaryIndexes) as IrisIndexName[];
}

export function keyAttributeNames(): IrisKeyAttribute[] {
  const names: IrisKeyAttribute[] = [IRIS_TABLE.partitionKey, IRIS_TABLE.sortKey];
  for (const name of indexNames()) {
    const index = IRIS_TABLE.globalSecondaryIndexes[name];
    names.push(index.partitionKey, index.sortKey);
  }
  return names;
}
