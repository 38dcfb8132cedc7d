import { createHash } from 'node:crypto';

/**
 * Paytime has no idempotency key and no documented free-form reference field, but it keeps the billet's
 * description (`instruction.description` in, `description` out). We append a short tag derived from the
 * command key, `ref IRIS-<16 hex>` (the first 64 bits of SHA-256 of the key), so a boleto we may have
 * created can be recognised later. A hash keeps the description short and reveals nothing of the key.
 */

const TAG_PATTERN = /\bIRIS-([0-9a-f]{16})\b/;
/** Room left for the caller's text; the whole description stays under 100 characters. */
const MAX_TEXT_LENGTH = 70;

export function referenceOf(commandKey: string): string {
  return `IRIS-${createHash('sha256').update(commandKey, 'utf8').digest('hex').slice(0, 16)}`;
}

/** `Aula de violão - nov/2026 (ref IRIS-0123456789abcdef)`. */
export function describeWithReference(description: string, commandKey: string): string {
  const text = description.replace(/\s+/g, ' ').trim();
  const clipped = text.length > MAX_TEXT_LENGTH ? `${text.slice(0, MAX_TEXT_LENGTH - 1).trimEnd()}…` : text;
  const tag = `(ref ${referenceOf(commandKey)})`;
  return clipped ? `${clipped} ${tag}` : tag;
}

/** The `IRIS-…` reference carried by a description, if any. */
export function referenceIn(description: string | null | undefined): string | undefined {
  const match = description ? TAG_PATTERN.exec(description) : null;
  return match ? `IRIS-${match[1]}` : undefined;
}
