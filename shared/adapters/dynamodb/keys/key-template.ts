import { InvalidInputError } from '#domain/domain-error';

/**
 * A tiny key builder: a key is an ordered list of literal segments and named attributes, joined with `#`.
 * Entities declare their keys with it (`key('T', attr('tenantId'), 'CONTACT', attr('contactId'))`), so no code
 * hand-builds `T#${id}` strings, and every value is checked: an empty value or one containing `#` would let a
 * crafted id reach another entity's (or another tenant's) keys, so both are refused.
 */
export const KEY_SEPARATOR = '#';

export interface AttributeSegment<N extends string> {
  readonly attribute: N;
}

type Segment = string | AttributeSegment<string>;

type AttributeNamesOf<S extends readonly Segment[]> = {
  [I in keyof S]: S[I] extends AttributeSegment<infer N> ? N : never;
}[number];

export type KeyValues<N extends string> = { readonly [K in N]: string };

export interface KeyTemplate<N extends string> {
  readonly segments: readonly Segment[];
  /** The full key; every attribute must be present. */
  build(values: KeyValues<N>): string;
  /**
   * The leading part of the key, up to the first attribute missing from `values` (for `begins_with`). Ends with
   * the separator, so `CONTACT#1` never matches `CONTACT#10`. Values present after a missing one are ignored.
   */
  prefix(values: Partial<KeyValues<N>>): string;
}

export function attr<const N extends string>(attribute: N): AttributeSegment<N> {
  return { attribute };
}

export function key<const S extends readonly Segment[]>(...segments: S): KeyTemplate<AttributeNamesOf<S>> {
  for (const segment of segments) {
    if (typeof segment === 'string') assertSafeValue('literal segment', segment);
  }
  return {
    segments,
    build(values) {
      const record = values as Record<string, string | undefined>;
      return segments
        .map((segment) => {
          if (typeof segment === 'string') return segment;
          const value = record[segment.attribute];
          if (value === undefined)
            throw new InvalidInputError(`key attribute "${segment.attribute}" is missing`);
          return assertSafeValue(segment.attribute, value);
        })
        .join(KEY_SEPARATOR);
    },
    prefix(values) {
      const record = values as Record<string, string | undefined>;
      const parts: string[] = [];
      for (const segment of segments) {
        if (typeof segment === 'string') {
          parts.push(segment);
          continue;
        }
        const value = record[segment.attribute];
        if (value === undefined) break;
        parts.push(assertSafeValue(segment.attribute, value));
      }
      return parts.join(KEY_SEPARATOR) + KEY_SEPARATOR;
    },
  };
}

function assertSafeValue(name: string, value: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new InvalidInputError(`key attribute "${name}" must be a non-empty string`);
  }
  if (value.includes(KEY_SEPARATOR)) {
    throw new InvalidInputError(`key attribute "${name}" must not contain "${KEY_SEPARATOR}": ${value}`);
  }
  return value;
}

/**
 * The greatest key starting with `prefix` (for an inclusive `BETWEEN` upper bound): U+FFFF sorts after every
 * character a key value may hold (DynamoDB compares the UTF-8 bytes).
 */
export function endOfPrefix(prefix: string): string {
  return `${prefix}\uffff`;
}

/** Zero-padded decimal, so numbers sort as strings (versions, sequence numbers). */
export function sortableNumber(value: number, width: number): string {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new InvalidInputError(`sortable number must be a non-negative safe integer: ${value}`);
  }
  const text = String(value);
  if (text.length > width) throw new InvalidInputError(`${value} does not fit in ${width} digits`);
  return text.padStart(width, '0');
}
