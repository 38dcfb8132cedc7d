import * as z from 'zod/mini';
import { BOLETO_STATUSES } from '#domain/boleto-status';
import { type CalendarDate, isCalendarDate } from '#domain/calendar-date';
import { type EmailAddress, tryParseEmail } from '#domain/email-address';
import { type E164, isE164 } from '#domain/phone-number';
import { parseTaxId, type TaxId } from '#domain/tax-id';
import { withoutKeys } from './entity-keys';

/**
 * Every item read from the table is parsed here, at the repository boundary, against its entity's zod/mini
 * schema (declared beside the entity's key templates): a malformed item is a `MalformedItemError` naming the
 * entity and the item's key, never a silently wrong object. Schemas are loose objects: attributes they do not
 * name pass through unchanged, so an item is rewritten whole even when a newer field is not yet checked here.
 */

export class MalformedItemError extends Error {
  constructor(
    readonly entity: string,
    readonly key: { pk: string; sk: string },
    readonly issues: string,
  ) {
    super(`malformed ${entity} item (pk ${key.pk}, sk ${key.sk}): ${issues}`);
    this.name = 'MalformedItemError';
  }
}

/** The entity's own attributes of `item` (keys and markers removed), parsed with `schema`. */
export function parseItem<T>(entity: string, schema: z.ZodMiniType<T>, item: Record<string, unknown>): T {
  const result = schema.safeParse(withoutKeys(item));
  if (result.success) return result.data;
  throw new MalformedItemError(
    entity,
    { pk: String(item.pk), sk: String(item.sk) },
    z.prettifyError(result.error).replaceAll('\n', '; '),
  );
}

/** Field schemas shared by the entities. */
export const itemFields = {
  text: () => z.string(),
  id: () => z.string().check(z.minLength(1)),
  cents: () => z.number().check(z.int()),
  count: () => z.number().check(z.int(), z.gte(0)),
  instant: () => z.string().check(z.minLength(1)),
  calendarDate: () => z.custom<CalendarDate>(isCalendarDate, 'expected a YYYY-MM-DD date'),
  phone: () => z.custom<E164>(isE164, 'expected an E.164 phone'),
  email: () => z.custom<EmailAddress>((value) => typeof value === 'string' && tryParseEmail(value) === value),
  taxId: () => z.custom<TaxId>(isTaxId, 'expected a CPF or CNPJ'),
  boletoStatus: () => oneOf(BOLETO_STATUSES),
};

/** One of a domain's listed values (its type, not just `string`). */
export function oneOf<T extends string>(values: readonly T[]) {
  return z.custom<T>(
    (value) => typeof value === 'string' && (values as readonly string[]).includes(value),
    `expected one of ${values.join(', ')}`,
  );
}

/**
 * A tagged union several features extend (message contents): checked to be an object with a string `type`
 * here, and by the code that switches on `type` (an unknown one is treated as the features say).
 */
export function tagged<T extends { type: string }>() {
  return z.custom<T>(
    (value) =>
      typeof value === 'object' && value !== null && 'type' in value && typeof value.type === 'string',
    'expected an object with a string type',
  );
}

/**
 * A label from a union several features extend in parallel (message kinds, request kinds): checked to be
 * non-empty text; the code that switches on it handles a value it does not know.
 */
export function openLabel<T extends string>() {
  return z.custom<T>((value) => typeof value === 'string' && value.length > 0, 'expected a non-empty label');
}

function isTaxId(value: unknown): value is TaxId {
  if (typeof value !== 'string') return false;
  try {
    return parseTaxId(value) === value;
  } catch {
    return false;
  }
}
