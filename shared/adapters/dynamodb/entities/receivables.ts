import { ENTITY_ATTRIBUTE, indexKey, type KeyedItem, primaryKey } from '#adapters/dynamodb/keys/entity-keys';
import { attr, key } from '#adapters/dynamodb/keys/key-template';
import type {
  AgingImport,
  AgingSnapshot,
  ReceivableContact,
  ReceivableInvoice,
} from '#application/ports/receivables-repository';

/**
 * The receivables portfolio (issue 13). An account's contacts, invoices and snapshots share its partition, so
 * "everything about an account" and "its snapshots of one date" are one Query each; the tenant's accounts
 * and imports each have a partition; open invoices are in the sparse `openByDueDate` index while open.
 * Client ids and invoice numbers come from the owner's ERP and may hold any character: they are URI-encoded
 * into keys (`#` → `%23`), so the key builder's separator stays unambiguous.
 */
export const AgingImportEntity = {
  name: 'AgingImport',
  primary: primaryKey(key('T', attr('tenantId'), 'AR_IMPORTS'), key('IMPORT', attr('importId'))),
} as const;

/** An import opened through the tenant API, awaiting or past its upload (`#application/ports/aging-uploads`). */
export const AgingUploadEntity = {
  name: 'AgingUpload',
  primary: primaryKey(key('T', attr('tenantId'), 'AR_UPLOADS'), key('UPLOAD', attr('importId'))),
} as const;

/** One per file content per tenant: the conditional put that makes a re-import of the same file a no-op. */
export const AgingImportHashGuardEntity = {
  name: 'AgingImportHashGuard',
  primary: primaryKey(key('T', attr('tenantId'), 'AR_IMPORT_HASH', attr('sha256')), key('GUARD')),
} as const;

/** The tenant's import lock: one import runs at a time (its snapshots are read-then-written in batches). */
export const AgingImportLockEntity = {
  name: 'AgingImportLock',
  primary: primaryKey(key('T', attr('tenantId'), 'AR_IMPORT_LOCK'), key('LOCK')),
} as const;

const importPartition = key('T', attr('tenantId'), 'AR_IMPORT', attr('importId'));

/** What one batch of the import workflow wrote (Distributed Map child), by its first line: a retry overwrites it. */
export const AgingImportBatchEntity = {
  name: 'AgingImportBatch',
  primary: primaryKey(importPartition, key('BATCH', attr('firstLine'))),
} as const;

/**
 * One batch's share of one account's aging (sums of the snapshots it wrote or kept): the derive step adds the
 * parts of an import up per account, reading one partition, instead of querying every account's snapshots.
 */
export const AgingImportPartEntity = {
  name: 'AgingImportPart',
  primary: primaryKey(importPartition, key('PART', attr('clientKey'), attr('firstLine'))),
} as const;

/** An invoice the import closed (it vanished from the file), written with the close: counted once, auditable. */
export const AgingImportClosureEntity = {
  name: 'AgingImportClosure',
  primary: primaryKey(importPartition, key('CLOSED', attr('clientKey'), attr('invoiceKey'))),
} as const;

export const ReceivableAccountEntity = {
  name: 'ReceivableAccount',
  primary: primaryKey(key('T', attr('tenantId'), 'AR_ACCOUNTS'), key('ACCOUNT', attr('clientKey'))),
} as const;

/**
 * An account's derived aging, beside the account in the tenant's accounts partition: written only by the
 * import (in bulk), so it never overwrites what the owner sets on the account (pin, pause).
 */
export const ReceivableAccountAgingEntity = {
  name: 'ReceivableAccountAging',
  primary: primaryKey(key('T', attr('tenantId'), 'AR_ACCOUNTS'), key('AGING', attr('clientKey'))),
} as const;

const accountPartition = key('T', attr('tenantId'), 'AR_ACCOUNT', attr('clientKey'));

/** Also on the `byContact` index by address: a bounce or complaint finds every account's contact with it. */
export const ReceivableContactEntity = {
  name: 'ReceivableContact',
  primary: primaryKey(accountPartition, key('CONTACT', attr('email'))),
  byEmail: indexKey(
    'byContact',
    key('T', attr('tenantId'), 'AR_CONTACT_EMAIL', attr('email')),
    key('ACCOUNT', attr('clientKey')),
  ),
} as const;

export const ReceivableInvoiceEntity = {
  name: 'ReceivableInvoice',
  primary: primaryKey(accountPartition, key('INVOICE', attr('invoiceKey'))),
  openByDueDate: indexKey(
    'openByDueDate',
    key('T', attr('tenantId'), 'AR_OPEN_INVOICES'),
    key('DUE', attr('dueDate'), attr('clientKey'), attr('invoiceKey')),
  ),
} as const;

export const AgingSnapshotEntity = {
  name: 'AgingSnapshot',
  primary: primaryKey(accountPartition, key('SNAPSHOT', attr('asOf'), attr('invoiceKey'))),
} as const;

/** `#` and other characters become `%xx`; an empty id never reaches here (rows are validated first). */
export function idKey(value: string): string {
  return encodeURIComponent(value);
}

export function importItem(record: AgingImport): KeyedItem {
  return {
    ...AgingImportEntity.primary.key(record),
    [ENTITY_ATTRIBUTE]: AgingImportEntity.name,
    ...record,
  };
}

export function contactItem(contact: ReceivableContact): KeyedItem {
  return {
    ...ReceivableContactEntity.primary.key({
      tenantId: contact.tenantId,
      clientKey: idKey(contact.clientId),
      email: contact.email,
    }),
    ...ReceivableContactEntity.byEmail.attributes({
      tenantId: contact.tenantId,
      email: contact.email,
      clientKey: idKey(contact.clientId),
    }),
    [ENTITY_ATTRIBUTE]: ReceivableContactEntity.name,
    ...contact,
  };
}

export function invoiceKeyOf(invoice: Pick<ReceivableInvoice, 'tenantId' | 'clientId' | 'invoiceNumber'>) {
  return ReceivableInvoiceEntity.primary.key({
    tenantId: invoice.tenantId,
    clientKey: idKey(invoice.clientId),
    invoiceKey: idKey(invoice.invoiceNumber),
  });
}

export function snapshotKeyOf(
  snapshot: Pick<AgingSnapshot, 'tenantId' | 'clientId' | 'asOf' | 'invoiceNumber'>,
): KeyedItem {
  return {
    ...AgingSnapshotEntity.primary.key({
      tenantId: snapshot.tenantId,
      clientKey: idKey(snapshot.clientId),
      asOf: snapshot.asOf,
      invoiceKey: idKey(snapshot.invoiceNumber),
    }),
  };
}

export function snapshotItem(snapshot: AgingSnapshot): KeyedItem {
  return {
    ...snapshotKeyOf(snapshot),
    [ENTITY_ATTRIBUTE]: AgingSnapshotEntity.name,
    ...snapshot,
  };
}
