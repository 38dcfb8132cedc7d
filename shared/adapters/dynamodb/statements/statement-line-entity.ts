import { ENTITY_ATTRIBUTE, type KeyedItem, primaryKey } from '#adapters/dynamodb/keys/entity-keys';
import { attr, key } from '#adapters/dynamodb/keys/key-template';
import type { CalendarDate } from '#domain/calendar-date';
import type { StatementBoletoLine, StatementPaymentLine } from '#domain/statement';

/**
 * One line of a contact's statement read model: `T#<t>#STATEMENT#<contactId>` / `BOLETO#<boletoId>` (the
 * boleto's latest version) or `PAYMENT#<paymentId>`. Keyed by the source's id, not its date, so an amended
 * due date rewrites the line in place; the reader sorts (a payer's lines are one Query, a few hundred KB at
 * most). Written only by `statement-projector`, never part of a use case's transaction.
 */
const statementPartition = key('T', attr('tenantId'), 'STATEMENT', attr('contactId'));

export const StatementBoletoLineEntity = {
  name: 'StatementBoletoLine',
  primary: primaryKey(statementPartition, key('BOLETO', attr('boletoId'))),
} as const;

export const StatementPaymentLineEntity = {
  name: 'StatementPaymentLine',
  primary: primaryKey(statementPartition, key('PAYMENT', attr('paymentId'))),
} as const;

export function statementPartitionKey(tenantId: string, contactId: string): string {
  return statementPartition.build({ tenantId, contactId });
}

/**
 * A line is one packed attribute, `line`: a JSON array parsed once (boleto `["b", id, description, status,
 * amount, paid, chargesPaid, dueDate, createdAt, version, paidOn|null, disputedFrom|null]`, payment `["p", id,
 * boletoId, amount, paidOn]`). A 500-boleto statement was 13 attributes an item and 228 KB on the wire; the
 * reader projects `line` alone, so keys and the entity name stay on the server. A boleto line also keeps
 * `version` as its own attribute for the projector's condition. Lines written before packing (one attribute
 * per field) are still read: the projection lists their attributes too.
 */
export const STATEMENT_LINE_ATTRIBUTE = 'line';

const LEGACY_LINE_ATTRIBUTES = [
  'boletoId',
  'paymentId',
  'description',
  'status',
  'amountCents',
  'paidCents',
  'chargesPaidCents',
  'dueDate',
  'createdAt',
  'version',
  'paidOn',
  'disputedFrom',
] as const;

/** What the reader asks the Query for. */
export const STATEMENT_READ_ATTRIBUTES: readonly string[] = [
  STATEMENT_LINE_ATTRIBUTE,
  ...LEGACY_LINE_ATTRIBUTES,
];

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

/** A stored line (packed, or one attribute per field as first written), or `undefined` for anything else. */
export function fromStatementLineItem(
  item: Record<string, unknown>,
):
  | { kind: 'boleto'; line: StatementBoletoLine }
  | { kind: 'payment'; line: StatementPaymentLine }
  | undefined {
  const packed = item[STATEMENT_LINE_ATTRIBUTE];
  if (typeof packed === 'string') {
    const values = JSON.parse(packed) as PackedBoleto | PackedPayment;
    if (values[0] === 'b') return { kind: 'boleto', line: boletoLineOf(values) };
    const [, paymentId, boletoId, amountCents, paidOn] = values;
    return { kind: 'payment', line: { paymentId, boletoId, amountCents, paidOn: paidOn as CalendarDate } };
  }
  if (typeof item.paymentId === 'string') return { kind: 'payment', line: legacyPaymentLine(item) };
  if (typeof item.boletoId === 'string') return { kind: 'boleto', line: legacyBoletoLine(item) };
  return undefined;
}

function legacyBoletoLine(item: Record<string, unknown>): StatementBoletoLine {
  return {
    boletoId: String(item.boletoId),
    description: String(item.description ?? ''),
    status: item.status as StatementBoletoLine['status'],
    amountCents: Number(item.amountCents),
    paidCents: Number(item.paidCents),
    chargesPaidCents: Number(item.chargesPaidCents ?? 0),
    dueDate: String(item.dueDate) as CalendarDate,
    createdAt: String(item.createdAt),
    version: Number(item.version),
    ...(item.paidOn ? { paidOn: String(item.paidOn) as CalendarDate } : {}),
    ...(item.disputedFrom ? { disputedFrom: item.disputedFrom as StatementBoletoLine['status'] } : {}),
  };
}

function legacyPaymentLine(item: Record<string, unknown>): StatementPaymentLine {
  return {
    paymentId: String(item.paymentId),
    boletoId: String(item.boletoId),
    amountCents: Number(item.amountCents),
    paidOn: String(item.paidOn) as CalendarDate,
  };
}
