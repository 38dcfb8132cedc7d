import { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import { parse } from 'csv-parse';
import { type HeaderMapping, mapHeader } from '#domain/collections/aging-columns';
import { type RowValidation, type RowValues, validateAgingRow } from '#domain/collections/aging-row';

/**
 * Reads an aging export as a stream (never the whole file in memory): detects the encoding (UTF-8, with or
 * without a BOM, else Windows-1252, as Excel in Brazil saves "CSV"), the separator (`;` or `,`, or a tab) from
 * the header line, maps the header (case/accent-insensitive) and yields each data row validated, with its
 * line number in the file (the header is line 1; blank lines count, as a spreadsheet shows them).
 */

export class AgingFileError extends Error {
  constructor(
    /** pt-BR, for the owner. */
    readonly reason: string,
  ) {
    super(`aging file refused: ${reason}`);
    this.name = 'AgingFileError';
  }
}

export interface AgingCsvRecord {
  line: number;
  /** The row's cells by column, as read (a rejected row still names its account and invoice). */
  values: RowValues;
  validation: RowValidation;
}

export interface AgingCsvFile {
  encoding: 'utf-8' | 'windows-1252';
  delimiter: string;
  header: HeaderMapping;
  records: AsyncIterable<AgingCsvRecord>;
}

const SNIFF_BYTES = 64 * 1024;
const MAX_LINE_CHARS = 64 * 1024;
const UTF8_BOM = [0xef, 0xbb, 0xbf];

export async function openAgingCsv(bytes: AsyncIterable<Uint8Array>): Promise<AgingCsvFile> {
  const iterator = bytes[Symbol.asyncIterator]();
  const head = await readHead(iterator);
  const encoding = looksLikeUtf8(head) ? 'utf-8' : 'windows-1252';
  const decoder = new TextDecoder(encoding, { ignoreBOM: false });
  const text = decodeAll(decoder, head, iterator);
  const textIterator = text[Symbol.asyncIterator]();
  const { firstLine, buffered } = await readFirstLine(textIterator);
  if (firstLine.trim() === '') throw new AgingFileError('o arquivo está vazio');
  const delimiter = detectDelimiter(firstLine);
  const rest = prepend(buffered, textIterator);
  const parser = Readable.from(rest).pipe(
    parse({
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      // Mixed line endings happen (a file edited on two systems): any of them ends a record and counts one line.
      record_delimiter: ['\r\n', '\n', '\r'],
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      max_record_size: MAX_LINE_CHARS,
      info: true,
    }),
  );
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<{
    record: string[];
    info: { lines: number };
  }>;
  const first = await records.next();
  if (first.done) throw new AgingFileError('o arquivo está vazio');
  const header = mapHeader(first.value.record);
  if (header.missing.length > 0) {
    throw new AgingFileError(`faltam colunas: ${header.missing.join(', ')}`);
  }
  return { encoding, delimiter, header, records: validatedRows(records, header) };
}

async function* validatedRows(
  records: AsyncIterator<{ record: string[]; info: { lines: number } }>,
  header: HeaderMapping,
): AsyncIterable<AgingCsvRecord> {
  for (;;) {
    const next = await records.next();
    if (next.done) return;
    const { record, info } = next.value;
    const values: RowValues = {};
    for (const [column, position] of Object.entries(header.positions)) {
      values[column as keyof RowValues] = record[position] ?? '';
    }
    yield { line: info.lines, values, validation: validateAgingRow(info.lines, values) };
  }
}

async function readHead(iterator: AsyncIterator<Uint8Array>): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) break;
    chunks.push(next.value);
    size += next.value.byteLength;
  }
  return chunks;
}

/** Valid UTF-8 in the first 64 KiB (an incomplete sequence cut at the end is allowed). */
function looksLikeUtf8(head: Uint8Array[]): boolean {
  const probe = new TextDecoder('utf-8', { fatal: true });
  try {
    for (const chunk of head) probe.decode(chunk, { stream: true });
    return true;
  } catch {
    return false;
  }
}

async function* decodeAll(
  decoder: TextDecoder,
  head: Uint8Array[],
  rest: AsyncIterator<Uint8Array>,
): AsyncIterable<string> {
  let first = true;
  const decode = (chunk: Uint8Array) => {
    // Windows-1252 has no BOM; a UTF-8 BOM is dropped by the decoder (ignoreBOM: false) or by csv-parse.
    const skip = first && decoder.encoding === 'windows-1252' && UTF8_BOM.every((b, i) => chunk[i] === b);
    first = false;
    return decoder.decode(skip ? chunk.subarray(3) : chunk, { stream: true });
  };
  for (const chunk of head) yield decode(chunk);
  for (;;) {
    const next = await rest.next();
    if (next.done) break;
    yield decode(next.value);
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

/** The first line with content (blank lines before the header are allowed), and everything read so far. */
async function readFirstLine(text: AsyncIterator<string>): Promise<{ firstLine: string; buffered: string }> {
  let buffered = '';
  for (;;) {
    const lines = buffered.replace(/^\uFEFF/, '').split(/\r?\n/);
    const complete = lines.slice(0, -1).find((line) => line.trim() !== '');
    if (complete !== undefined) return { firstLine: complete, buffered };
    if (buffered.length > MAX_LINE_CHARS) throw new AgingFileError('a primeira linha é longa demais');
    const next = await text.next();
    if (next.done) return { firstLine: lines.find((line) => line.trim() !== '') ?? '', buffered };
    buffered += next.value;
  }
}

/** The separator of the header line: the most frequent of `;`, `,` and tab outside quotes. */
export function detectDelimiter(line: string): string {
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ';';
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  if ((counts.get(best) ?? 0) === 0)
    throw new AgingFileError('não encontrei separador (; ou ,) no cabeçalho');
  return best;
}

async function* prepend(first: string, rest: AsyncIterator<string>): AsyncIterable<string> {
  if (first) yield first;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}
