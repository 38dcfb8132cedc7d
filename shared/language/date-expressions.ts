import type { Weekday } from '#domain/calendar-date';
import { FOLDED_MONTH_NAMES } from '#domain/month-names';
import { readNumberExpression } from './numerals';
import type { Token } from './tokenise';

/**
 * Finds date expressions in a message and says what they mean, without resolving them yet: resolution needs
 * "today" and whether the date is a due date or the day money already moved (dates.ts).
 */

export type WeekdayDirection = 'next' | 'last';

export type DateExpression =
  | { kind: 'offset_days'; days: number }
  | { kind: 'offset_months'; months: number }
  | { kind: 'weekday'; weekday: Weekday; direction: WeekdayDirection }
  | { kind: 'day_of_month'; day: number; monthOffset: number | null }
  | { kind: 'day_month'; day: number; month: number; year: number | null }
  | { kind: 'end_of_month'; monthOffset: number }
  | { kind: 'start_of_month'; monthOffset: number }
  /** Looks like a date ("dia 45") but is none: its tokens are not money either. */
  | { kind: 'invalid' };

export interface DateMatch {
  expression: DateExpression;
  start: number;
  end: number;
}

const WEEKDAYS: Record<string, Weekday> = {
  domingo: 0,
  segunda: 1,
  terca: 2,
  quarta: 3,
  quinta: 4,
  sexta: 5,
  sabado: 6,
};

/** "segunda via", "quarta parcela": ordinals, not weekdays. */
const NOT_AFTER_WEEKDAY = new Set(['via', 'parcela', 'vez', 'opcao', 'chamada', 'prestacao', 'mao', 'parte']);

const MONTHS: Record<string, number> = Object.fromEntries(
  FOLDED_MONTH_NAMES.map((name, index) => [name, index + 1]),
);

const MONTH_ABBREVIATIONS: Record<string, number> = {
  jan: 1,
  fev: 2,
  mar: 3,
  abr: 4,
  mai: 5,
  jun: 6,
  jul: 7,
  ago: 8,
  set: 9,
  out: 10,
  nov: 11,
  dez: 12,
};

const DUE_WORDS = new Set(['vence', 'vencimento', 'venc', 'vcto', 'vct', 'vencer', 'vencendo', 'vencida']);
const NO_BLOCK: ReadonlySet<number> = new Set();

class Cursor {
  constructor(private readonly tokens: readonly Token[]) {}

  fold(index: number): string {
    const token = this.tokens[index];
    return token && (token.kind === 'word' || token.kind === 'number') ? token.fold : (token?.raw ?? '');
  }

  /** A "10/12", "10/12/2026", "10-12-2026" token. */
  isWrittenDate(index: number): boolean {
    return this.tokens[index]?.kind === 'slash_date';
  }

  /** "1º", "1o", "1°" right after a day number. */
  isOrdinalMark(index: number): boolean {
    const token = this.tokens[index];
    return token?.attached === true && ['º', '°', 'o', 'ª'].includes(token.fold);
  }

  /** Index after the words `words` if they appear at `index` (each alternative separated by `|`), else -1. */
  phrase(index: number, ...words: string[]): number {
    let at = index;
    for (const word of words) {
      const options = word.split('|');
      const optional = options.includes('');
      if (options.includes(this.fold(at))) at++;
      else if (!optional) return -1;
    }
    return at;
  }

  /** A whole number written in digits or words ("10", "dez", "uma"), with the index after it. */
  integer(index: number): { value: number; end: number } | null {
    const token = this.tokens[index];
    if (!token) return null;
    if (token.kind === 'number') {
      if (!/^\d{1,4}$/.test(token.raw)) return null;
      return { value: Number(token.raw), end: index + 1 };
    }
    if (token.fold === 'primeiro') return { value: 1, end: index + 1 };
    const words = readNumberExpression(this.tokens, index, NO_BLOCK);
    if (!words || words.usedDigits || words.hasCurrency || words.hasDecimals) return null;
    return { value: words.cents / 100, end: words.numberEnd + 1 };
  }
}

function monthAt(cursor: Cursor, index: number, allowAbbreviation: boolean): number | undefined {
  const word = cursor.fold(index);
  return MONTHS[word] ?? (allowAbbreviation ? MONTH_ABBREVIATIONS[word] : undefined);
}

function yearAt(cursor: Cursor, index: number): { year: number; end: number } | null {
  const after = cursor.phrase(index, 'de|/|');
  const text = cursor.fold(after);
  if (/^20\d{2}$/.test(text)) return { year: Number(text), end: after + 1 };
  return null;
}

/** "de dezembro [de 2026]", "dezembro", "/12": the month (and year) after a day number. */
function monthAfterDay(cursor: Cursor, index: number) {
  const separator = cursor.fold(index);
  const hasSeparator = separator === 'de' || separator === '/';
  const monthIndex = hasSeparator ? index + 1 : index;
  const month = monthAt(cursor, monthIndex, hasSeparator);
  if (month === undefined) return null;
  const year = yearAt(cursor, monthIndex + 1);
  return { month, year: year?.year ?? null, end: year?.end ?? monthIndex + 1 };
}

/** "do mês que vem", "do próximo mês", "deste mês", "do mês passado" after "dia N" / "fim". */
function monthOffsetAfter(cursor: Cursor, index: number): { offset: number; end: number } | null {
  const forms: Array<[string[], number]> = [
    [['do|de', 'mes', 'que', 'vem'], 1],
    [['do|de', 'proximo|outro', 'mes'], 1],
    [['do|de', 'mes', 'seguinte'], 1],
    [['do|de', 'mes', 'passado'], -1],
    [['do|de', 'ultimo', 'mes'], -1],
    [['deste|desse|do|de|este|esse', 'mes'], 0],
  ];
  for (const [words, offset] of forms) {
    const end = cursor.phrase(index, ...words);
    if (end >= 0) return { offset, end };
  }
  return null;
}

type Matcher = (cursor: Cursor, index: number) => DateMatch | null;

const relativeDay: Matcher = (cursor, index) => {
  const forms: Array<[string[], number]> = [
    [['depois|dps', 'de|d|', 'amanha'], 2],
    [['antes', 'de', 'ontem'], -2],
    [['anteontem|antiontem|ante-ontem|antonte'], -2],
    [['amanha|amanhã|amnh'], 1],
    [['hoje|hj'], 0],
    [['ontem'], -1],
  ];
  for (const [words, days] of forms) {
    const end = cursor.phrase(index, ...words);
    if (end >= 0) return { expression: { kind: 'offset_days', days }, start: index, end };
  }
  return null;
};

const weekday: Matcher = (cursor, index) => {
  let start = index;
  let direction: WeekdayDirection = 'next';
  const before = cursor.fold(index - 1);
  if (before === 'proxima' || before === 'proximo') {
    direction = 'next';
    start = index - 1;
  } else if (before === 'ultima' || before === 'ultimo') {
    direction = 'last';
    start = index - 1;
  }
  const day = WEEKDAYS[cursor.fold(index)];
  if (day === undefined) return null;
  let end = cursor.phrase(index + 1, 'feira|');
  if (NOT_AFTER_WEEKDAY.has(cursor.fold(end))) return null;
  const next = [
    ['que', 'vem'],
    ['da|na', 'semana', 'que', 'vem'],
    ['da|na', 'proxima', 'semana'],
  ];
  const last = [['passada|passado'], ['da|na', 'semana', 'passada']];
  for (const words of next) {
    const after = cursor.phrase(end, ...words);
    if (after >= 0)
      return { expression: { kind: 'weekday', weekday: day, direction: 'next' }, start, end: after };
  }
  for (const words of last) {
    const after = cursor.phrase(end, ...words);
    if (after >= 0)
      return { expression: { kind: 'weekday', weekday: day, direction: 'last' }, start, end: after };
  }
  end = Math.max(end, index + 1);
  return { expression: { kind: 'weekday', weekday: day, direction }, start, end };
};

function dayAndMonth(cursor: Cursor, start: number, day: { value: number; end: number }): DateMatch {
  let end = cursor.isOrdinalMark(day.end) ? day.end + 1 : day.end;
  if (day.value < 1 || day.value > 31) return { expression: { kind: 'invalid' }, start, end };
  const month = monthAfterDay(cursor, end);
  if (month) {
    const expression = { kind: 'day_month', day: day.value, month: month.month, year: month.year } as const;
    return { expression, start, end: month.end };
  }
  const offset = monthOffsetAfter(cursor, end);
  if (offset) end = offset.end;
  return {
    expression: { kind: 'day_of_month', day: day.value, monthOffset: offset?.offset ?? null },
    start,
    end,
  };
}

const dayWord: Matcher = (cursor, index) => {
  if (cursor.fold(index) !== 'dia') return null;
  const written = slashDate(cursor, index + 1);
  if (written) return { ...written, start: index };
  const day = cursor.integer(index + 1);
  return day ? dayAndMonth(cursor, index, day) : null;
};

function slashDate(cursor: Cursor, index: number): DateMatch | null {
  if (!cursor.isWrittenDate(index)) return null;
  const text = cursor.fold(index);
  const match = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/.exec(text);
  if (!match) return null;
  const [day, month] = [Number(match[1]), Number(match[2])];
  const yearText = match[3];
  const year = yearText === undefined ? null : Number(yearText.length === 2 ? `20${yearText}` : yearText);
  if (month < 1 || month > 12 || day < 1 || day > 31)
    return { expression: { kind: 'invalid' }, start: index, end: index + 1 };
  return { expression: { kind: 'day_month', day, month, year }, start: index, end: index + 1 };
}

const dayOfNamedMonth: Matcher = (cursor, index) => {
  const day = cursor.integer(index);
  if (!day || day.value < 1 || day.value > 31) return null;
  const month = monthAfterDay(cursor, cursor.isOrdinalMark(day.end) ? day.end + 1 : day.end);
  if (!month) return null;
  return {
    expression: { kind: 'day_month', day: day.value, month: month.month, year: month.year },
    start: index,
    end: month.end,
  };
};

const UNIT_DAYS: Record<string, number> = { dia: 1, dias: 1, semana: 7, semanas: 7 };
const UNIT_MONTHS: Record<string, number> = { mes: 1, meses: 1 };

const relativeSpan: Matcher = (cursor, index) => {
  const leads = [
    ['daqui', 'a|'],
    ['em'],
    ['dentro', 'de'],
    ['prazo', 'de|'],
    ['pra|para|com'],
    ['depois', 'de'],
  ];
  for (const words of leads) {
    const after = cursor.phrase(index, ...words);
    if (after < 0) continue;
    const count = cursor.integer(after);
    if (!count) continue;
    const unit = cursor.fold(count.end);
    const days = UNIT_DAYS[unit];
    if (days !== undefined) {
      return {
        expression: { kind: 'offset_days', days: count.value * days },
        start: index,
        end: count.end + 1,
      };
    }
    const months = UNIT_MONTHS[unit];
    if (months !== undefined) {
      return { expression: { kind: 'offset_months', months: count.value }, start: index, end: count.end + 1 };
    }
  }
  return null;
};

const monthEdge: Matcher = (cursor, index) => {
  const edges: Array<[string[], 'end_of_month' | 'start_of_month']> = [
    [['fim|final|finalzinho'], 'end_of_month'],
    [['ultimo', 'dia'], 'end_of_month'],
    [['virada'], 'end_of_month'],
    [['inicio|comeco|comecinho'], 'start_of_month'],
  ];
  for (const [words, kind] of edges) {
    const after = cursor.phrase(index, ...words);
    if (after < 0) continue;
    const offset = monthOffsetAfter(cursor, after);
    if (offset) return { expression: { kind, monthOffset: offset.offset }, start: index, end: offset.end };
  }
  return null;
};

/** "vence 10", "vencimento 30": a bare day number right after a due-date word. */
const dueDay: Matcher = (cursor, index) => {
  if (!DUE_WORDS.has(cursor.fold(index))) return null;
  const at = cursor.phrase(index + 1, 'em|no|:|');
  const token = cursor.fold(at);
  if (!/^\d{1,2}$/.test(token)) return null;
  const day = { value: Number(token), end: at + 1 };
  const after = cursor.fold(day.end);
  if (after === 'reais' || after === 'mil' || after === 'conto' || after === 'dias') return null;
  return dayAndMonth(cursor, at, day);
};

const MATCHERS: Matcher[] = [
  relativeDay,
  weekday,
  dayWord,
  slashDate,
  relativeSpan,
  monthEdge,
  dayOfNamedMonth,
  dueDay,
];

export function findDateExpressions(tokens: readonly Token[]): DateMatch[] {
  const cursor = new Cursor(tokens);
  const found: DateMatch[] = [];
  for (let index = 0; index < tokens.length; index++) {
    for (const matcher of MATCHERS) {
      const match = matcher(cursor, index);
      if (match) {
        found.push(match);
        index = match.end - 1;
        break;
      }
    }
  }
  return found;
}
