/**
 * Lambda event-source-mapping filters (FilterCriteria.Filters[].Pattern), evaluated on the record as Lambda
 * would hand it to the function, e.g. for the outbox relay:
 *   { "eventName": ["INSERT"], "dynamodb": { "NewImage": { "entity": { "S": ["OUTBOX"] } } } }
 * Supported: nested objects, exact values (strings, numbers, booleans, null), `prefix`, `suffix`,
 * `equals-ignore-case`, `exists`, `anything-but` (values or `{ prefix }`), `numeric` comparisons. Several values
 * for one field: any may match; several fields: all must match; several filters: any may match. A field whose
 * value is an array matches if any element does. Anything else in a pattern is rejected when it is parsed.
 */

export type FilterMatcher =
  | string
  | number
  | boolean
  | null
  | { prefix: string }
  | { suffix: string }
  | { 'equals-ignore-case': string }
  | { exists: boolean }
  | { 'anything-but': string | number | readonly (string | number)[] | { prefix: string } }
  | { numeric: readonly (string | number)[] };

/** Readonly, so `as const` patterns (e.g. OUTBOX_STREAM_FILTER_PATTERN) can be passed as they are. */
export interface FilterPattern {
  readonly [field: string]: FilterPattern | readonly FilterMatcher[];
}

const OPERATORS = new Set(['prefix', 'suffix', 'equals-ignore-case', 'exists', 'anything-but', 'numeric']);

export class FilterPatternError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FilterPatternError';
  }
}

/** Parses FilterCriteria patterns (JSON strings, as in CloudFormation, or objects) and checks their syntax. */
export function parseFilterPatterns(patterns: readonly (string | FilterPattern)[]): FilterPattern[] {
  return patterns.map((pattern) => {
    const parsed: unknown = typeof pattern === 'string' ? JSON.parse(pattern) : pattern;
    checkPattern(parsed, '$');
    return parsed as FilterPattern;
  });
}

/** True when no filter is configured, or when any filter matches. */
export function matchesAnyFilter(record: unknown, patterns: readonly FilterPattern[]): boolean {
  return patterns.length === 0 || patterns.some((pattern) => matchesPattern(record, pattern));
}

export function matchesPattern(value: unknown, pattern: FilterPattern): boolean {
  return Object.entries(pattern).every(([field, expected]) => {
    const actual = isObject(value) ? value[field] : undefined;
    if (Array.isArray(expected))
      return (expected as readonly FilterMatcher[]).some((m) => matchesValue(actual, m));
    return isObject(actual) && matchesPattern(actual, expected as FilterPattern);
  });
}

function matchesValue(actual: unknown, matcher: FilterMatcher): boolean {
  if (isObject(matcher) && 'exists' in matcher) return (actual !== undefined) === matcher.exists;
  if (actual === undefined) return false;
  if (Array.isArray(actual)) return actual.some((element) => matchesValue(element, matcher));
  if (!isObject(matcher)) return actual === matcher;
  if ('prefix' in matcher) return typeof actual === 'string' && actual.startsWith(matcher.prefix);
  if ('suffix' in matcher) return typeof actual === 'string' && actual.endsWith(matcher.suffix);
  if ('equals-ignore-case' in matcher) {
    return typeof actual === 'string' && actual.toLowerCase() === matcher['equals-ignore-case'].toLowerCase();
  }
  if ('anything-but' in matcher) return anythingBut(actual, matcher['anything-but']);
  if ('numeric' in matcher) return numeric(actual, matcher.numeric);
  return false;
}

function anythingBut(
  actual: unknown,
  excluded: string | number | readonly (string | number)[] | { prefix: string },
): boolean {
  if (typeof actual !== 'string' && typeof actual !== 'number') return false;
  if (typeof excluded === 'object' && !Array.isArray(excluded)) {
    const { prefix } = excluded as { prefix: string };
    return !(typeof actual === 'string' && actual.startsWith(prefix));
  }
  const values = (Array.isArray(excluded) ? excluded : [excluded]) as readonly (string | number)[];
  return !values.includes(actual);
}

function numeric(actual: unknown, conditions: readonly (string | number)[]): boolean {
  if (typeof actual !== 'number') return false;
  for (let index = 0; index < conditions.length; index += 2) {
    const operator = conditions[index];
    const bound = Number(conditions[index + 1]);
    const ok =
      (operator === '=' && actual === bound) ||
      (operator === '<' && actual < bound) ||
      (operator === '<=' && actual <= bound) ||
      (operator === '>' && actual > bound) ||
      (operator === '>=' && actual >= bound);
    if (!ok) return false;
  }
  return true;
}

function checkPattern(pattern: unknown, path: string): void {
  if (!isObject(pattern)) throw new FilterPatternError(`${path}: a filter pattern must be a JSON object`);
  for (const [field, expected] of Object.entries(pattern)) {
    const at = `${path}.${field}`;
    if (Array.isArray(expected)) {
      if (expected.length === 0) throw new FilterPatternError(`${at}: an empty list matches nothing`);
      for (const matcher of expected) checkMatcher(matcher, at);
    } else {
      checkPattern(expected, at);
    }
  }
}

function checkMatcher(matcher: unknown, path: string): void {
  if (!isObject(matcher)) {
    if (matcher === null || ['string', 'number', 'boolean'].includes(typeof matcher)) return;
    throw new FilterPatternError(`${path}: unsupported value ${JSON.stringify(matcher)}`);
  }
  const keys = Object.keys(matcher);
  const [operator] = keys;
  if (keys.length !== 1 || operator === undefined || !OPERATORS.has(operator)) {
    throw new FilterPatternError(`${path}: unsupported filter operator ${JSON.stringify(matcher)}`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
