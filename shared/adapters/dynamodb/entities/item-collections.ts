import { attr, key } from '#adapters/dynamodb/keys/key-template';

/**
 * Partitions shared by several entities (item collections), declared once so the entities that live together
 * cannot drift apart.
 */

/** One boleto's collection on the table: the boleto, its audit events, its payments. */
export const boletoPartition = key('T', attr('tenantId'), 'BOLETO', attr('boletoId'));

/** One contact's collection on the `byContact` index: its boletos and its payments (a statement in one Query). */
export const contactCollection = key('T', attr('tenantId'), 'CONTACT', attr('contactId'));

/** Sort-key prefixes inside `contactCollection`. */
export const CONTACT_COLLECTION_BOLETO = 'BOLETO';
export const CONTACT_COLLECTION_PAYMENT = 'PAYMENT';
