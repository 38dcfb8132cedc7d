import { ENTITY_ATTRIBUTE, indexKey, type KeyedItem, primaryKey } from '#adapters/dynamodb/keys/entity-keys';
import { attr, key } from '#adapters/dynamodb/keys/key-template';
import type { CalendarDate } from '#domain/calendar-date';
import type { StatementBoletoLine, StatementPaymentLine, StoredStatementLine } from '#domain/statement';

/**
 * One line of a contact's statement read model: `T#<t>#STATEMENT#<contactId>` / `BOLETO#<boletoId>` (the
 * boleto's latest version) or `PAYMENT#<paymentId>`. Keyed by the source's id, not its date, so an amended
 * due date rewrites the line in place. Each line is also in the `byContact` index under the statement's own
 * partition, ordered by its date (`LINE#<date>#B|P#<id>`: a boleto on its due date, a payment on its date;
 * on one date boletos first), which is what a page of the statement reads (newest first); DynamoDB moves a
 * line in the index when an amended due date changes its key. Beside the lines, one `TOTALS` item: the
 * statement's summary (`StatementSummary`, recomputed from all lines after each change) and `seq`, a counter
 * every line write increments in the same transaction. Written only by `statement-projector`.
 */
const statementPartition = key('T', attr('tenantId'), 'STATEMENT', attr('contactId'));

export const StatementBoletoLineEntity = {
  name: 'StatementBoletoLine',
  primary: primaryKey(statementPartition, key('BOLETO', attr('boletoId'))),
  byDate: indexKey('byContact', statementPartition, key('LINE', attr('date'), 'B', attr('boletoId'))),
} as const;

export const StatementPaymentLineEntity = {
  name: 'StatementPaymentLine',
  primary: primaryKey(statementPartition, key('PAYMENT', attr('paymentId'))),
  byDate: indexKey('byContact', statementPartition, key('LINE', attr('date'), 'P', attr('paymentId'))),
} as const;

export const StatementTotalsEntity = {
  name: 'StatementTotals',
  primary: primaryKey(statementPartition, key('TOTALS')),
} as const;

/** The totals item's attributes: the line-write counter, the counter its summary was computed at, the summary. */
export const STATEMENT_TOTALS_SEQ = 'seq';
export const STATEMENT_TOTALS_COMPUTED_SEQ = 'computedSeq';
export const STATEMENT_TOTALS_SUMMARY = 'summary';

export function statementPartitionKey(tenantId: string, contactId: string): string {
  return statementPartition.build({ tenantId, contactId });
}

/**
 * A line is one packed attribute, `line`: a JSON array parsed once (boleto `["b", id, description, status,
 * amount, paid, chargesPaid, dueDate, createdAt, version, paidOn|null, disputedFrom|null]`, payment `["p", id,
 * boletoId, amount, paidOn]`). A 500-boleto statement was 13 attributes an item and 228 KB on the wire; the
 * reader projects `line` alone, so keys and the entity name stay on the server. A boleto line also keeps
 * `version` as its own attribute for the projector's condition. Lines stored before the statement was paged
 * (one attribute per field, or packed without the index keys) are not read: see docs/decisions.md.
 */
export const STATEMENT_LINE_ATTRIBUTE = 'line';

type PackedBoleto = [
  'b',
  string,
  string,
  string,
  number,
  number,
  number,
  string,
  string,
  number,
  string | null,
  string | null,
];
type PackedPayment = ['p', string, string, number, string];

export function toStatementBoletoItem(
  tenantId: string,
  contactId: string,
  line: StatementBoletoLine,
): KeyedItem {
  const packed: PackedBoleto = [
    'b',
    line.boletoId,
    line.description,
    line.status,
    line.amountCents,
    line.paidCents,
    line.chargesPaidCents,
    line.dueDate,
    line.createdAt,
    line.version,
    line.paidOn ?? null,
    line.disputedFrom ?? null,
  ];
  return {
    ...StatementBoletoLineEntity.primary.key({ tenantId, contactId, boletoId: line.boletoId }),
    ...StatementBoletoLineEntity.byDate.attributes({
      tenantId,
      contactId,
      date: line.dueDate,
      boletoId: line.boletoId,
    }),
    [ENTITY_ATTRIBUTE]: StatementBoletoLineEntity.name,
    version: line.version,
    [STATEMENT_LINE_ATTRIBUTE]: JSON.stringify(packed),
  };
}

export function toStatementPaymentItem(
  tenantId: string,
  contactId: string,
  line: StatementPaymentLine,
): KeyedItem {
  const packed: PackedPayment = ['p', line.paymentId, line.boletoId, line.amountCents, line.paidOn];
  return {
    ...StatementPaymentLineEntity.primary.key({ tenantId, contactId, paymentId: line.paymentId }),
    ...StatementPaymentLineEntity.byDate.attributes({
      tenantId,
      contactId,
      date: line.paidOn,
      paymentId: line.paymentId,
    }),
    [ENTITY_ATTRIBUTE]: StatementPaymentLineEntity.name,
    [STATEMENT_LINE_ATTRIBUTE]: JSON.stringify(packed),
  };
}

function boletoLineOf(packed: PackedBoleto): StatementBoletoLine {
  const [, boletoId, description, status, amountCents, paidCents, chargesPaidCents] = packed;
  const [dueDate, createdAt, version, paidOn, disputedFrom] = packed.slice(7) as [
    string,
    string,
    number,
    string | null,
    string | null,
  ];
  const line: StatementBoletoLine = {
    boletoId,
    description,
    status: status as StatementBoletoLine['status'],
    amountCents,
    paidCents,
    chargesPaidCents,
    dueDate: dueDate as CalendarDate,
    createdAt,
    version,
  };
  if (paidOn) Object.assign(line, { paidOn });
  if (disputedFrom) Object.assign(line, { disputedFrom });
  return line;
}

/** A stored line, or `undefined` for anything else (the totals item). */
export function fromStatementLineItem(item: Record<string, unknown>): StoredStatementLine | undefined {
  const packed = item[STATEMENT_LINE_ATTRIBUTE];
  if (typeof packed !== 'string') return undefined;
  const values = JSON.parse(packed) as PackedBoleto | PackedPayment;
  if (values[0] === 'b') return { kind: 'boleto', line: boletoLineOf(values) };
  const [, paymentId, boletoId, amountCents, paidOn] = values;
  return { kind: 'payment', line: { paymentId, boletoId, amountCents, paidOn: paidOn as CalendarDate } };
}
