import { IRIS_TABLE, type IrisIndexName } from '#adapters/dynamodb/table-design';
import type { KeyTemplate, KeyValues } from './key-template';

/** The attribute every item carries to say which entity it is (stream filters, debugging, admin tools). */
export const ENTITY_ATTRIBUTE = 'entity';

export interface PrimaryKey {
  pk: string;
  sk: string;
}

/** An item ready to be written: its primary key plus any other attributes. */
export type KeyedItem = PrimaryKey & Record<string, unknown>;

export interface PrimaryKeyTemplate<P extends string, S extends string> {
  readonly pk: KeyTemplate<P>;
  readonly sk: KeyTemplate<S>;
  key(values: KeyValues<P | S>): PrimaryKey;
}

export function primaryKey<P extends string, S extends string>(
  pk: KeyTemplate<P>,
  sk: KeyTemplate<S>,
): PrimaryKeyTemplate<P, S> {
  return { pk, sk, key: (values) => ({ pk: pk.build(values), sk: sk.build(values) }) };
}

/** How one entity projects itself into one GSI (the GSI's generic key attributes come from `IRIS_TABLE`). */
export interface IndexKeyTemplate<P extends string, S extends string> {
  readonly indexName: IrisIndexName;
  readonly partitionKeyAttribute: string;
  readonly sortKeyAttribute: string;
  readonly pk: KeyTemplate<P>;
  readonly sk: KeyTemplate<S>;
  /** The index's key attributes for an item, e.g. `{ gsi1pk: 'T#t1#CONTACT#c1', gsi1sk: 'BOLETO#2026-12-10#b1' }`. */
  attributes(values: KeyValues<P | S>): Record<string, string>;
}

export function indexKey<P extends string, S extends string>(
  indexName: IrisIndexName,
  pk: KeyTemplate<P>,
  sk: KeyTemplate<S>,
): IndexKeyTemplate<P, S> {
  const { partitionKey, sortKey } = IRIS_TABLE.globalSecondaryIndexes[indexName];
  return {
    indexName,
    partitionKeyAttribute: partitionKey,
    sortKeyAttribute: sortKey,
    pk,
    sk,
    attributes: (values) => ({ [partitionKey]: pk.build(values), [sortKey]: sk.build(values) }),
  };
}

/** Removes the table's key attributes and the entity marker, leaving the entity's own attributes. */
export function withoutKeys(item: Record<string, unknown>): Record<string, unknown> {
  const rest = { ...item };
  delete rest[IRIS_TABLE.partitionKey];
  delete rest[IRIS_TABLE.sortKey];
  for (const index of Object.values(IRIS_TABLE.globalSecondaryIndexes)) {
    delete rest[index.partitionKey];
    delete rest[index.sortKey];
  }
  delete rest[ENTITY_ATTRIBUTE];
  delete rest[IRIS_TABLE.timeToLiveAttribute];
  return rest;
}
