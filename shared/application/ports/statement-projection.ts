import type { StatementBoletoLine, StatementPaymentLine } from '#domain/statement';

/** A payer's statement lines, as the projection holds them (unordered). */
export interface StatementLines {
  boletos: StatementBoletoLine[];
  payments: StatementPaymentLine[];
}

/**
 * The per-contact statement read model, kept by the table's stream (`statement-projector`) and read with one
 * Query. Writes are idempotent and order-proof: a boleto's line only ever moves to a newer version, a
 * payment's line is written once.
 */
export interface StatementProjection {
  /** `stale` (nothing written) when the line already holds this version of the boleto or a newer one. */
  putBoleto(tenantId: string, contactId: string, line: StatementBoletoLine): Promise<'stored' | 'stale'>;
  /** `duplicate` (nothing written) when this payment is already on the statement. */
  putPayment(
    tenantId: string,
    contactId: string,
    line: StatementPaymentLine,
  ): Promise<'stored' | 'duplicate'>;
  /** Every line of the contact's statement: one Query on its partition. */
  read(tenantId: string, contactId: string): Promise<StatementLines>;
}
