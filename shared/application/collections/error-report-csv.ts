import type { RowError } from '#domain/collections/aging-row';

/** The error CSV sent to the owner: `linha;coluna;motivo`, UTF-8 with a BOM (Excel opens it with accents). */
export function errorReportCsv(errors: readonly RowError[]): string {
  const cell = (value: string) => (/[;"\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const lines = errors.map((error) => [String(error.row), error.column, error.reason].map(cell).join(';'));
  return `\uFEFFlinha;coluna;motivo\r\n${lines.join('\r\n')}\r\n`;
}
