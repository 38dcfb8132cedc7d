import { type PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';

/** A4 in points, margins, and the cursor that moves down the page and starts a new one when full. */
const PAGE: [number, number] = [595.28, 841.89];
const MARGIN = 48;
export const CONTENT_WIDTH = PAGE[0] - 2 * MARGIN;
export const INK = rgb(0.1, 0.12, 0.16);
export const MUTED = rgb(0.42, 0.45, 0.5);
export const INCOME_COLOR = rgb(0.13, 0.55, 0.33);
export const EXPENSE_COLOR = rgb(0.8, 0.26, 0.2);

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** A table column: its header, width share and alignment. */
export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

export class PdfCursor {
  page: PDFPage;
  y: number;
  private readonly encodable: Set<number>;

  constructor(
    private readonly document: PDFDocument,
    readonly fonts: Fonts,
  ) {
    this.page = document.addPage(PAGE);
    this.y = PAGE[1] - MARGIN;
    this.encodable = new Set(fonts.regular.getCharacterSet());
  }

  get left(): number {
    return MARGIN;
  }

  /** Makes room for `height` points, starting a new page when this one is full. */
  ensure(height: number): void {
    if (this.y - height >= MARGIN) return;
    this.page = this.document.addPage(PAGE);
    this.y = PAGE[1] - MARGIN;
  }

  /** The standard fonts encode WinAnsi (every pt-BR letter); anything else (emoji) is shown as `?`. */
  safe(text: string): string {
    return [...text.normalize('NFC')]
      .map((char) => (this.encodable.has(char.codePointAt(0) ?? 0) ? char : '?'))
      .join('');
  }

  text(
    text: string,
    options: { size?: number; bold?: boolean; color?: typeof INK; gap?: number } = {},
  ): void {
    const size = options.size ?? 10;
    this.ensure(size + 4);
    this.page.drawText(this.safe(text), {
      x: MARGIN,
      y: this.y - size,
      size,
      font: options.bold ? this.fonts.bold : this.fonts.regular,
      color: options.color ?? INK,
    });
    this.y -= size + (options.gap ?? 6);
  }

  heading(text: string): void {
    this.ensure(40);
    this.y -= 10;
    this.text(text, { size: 13, bold: true, gap: 8 });
  }

  /** A table with a bold header row; cells are cut to fit their column. */
  table(columns: Column[], rows: string[][]): void {
    const size = 9.5;
    const rowHeight = size + 6;
    const widths = columns.map((column) => column.width * CONTENT_WIDTH);
    const draw = (cells: string[], bold: boolean) => {
      this.ensure(rowHeight);
      let x = MARGIN;
      const font = bold ? this.fonts.bold : this.fonts.regular;
      cells.forEach((cell, index) => {
        const column = columns[index] as Column;
        const width = widths[index] as number;
        const fitted = this.fit(this.safe(cell), font, size, width - 6);
        const textWidth = font.widthOfTextAtSize(fitted, size);
        const at = column.align === 'right' ? x + width - textWidth - 4 : x + 2;
        this.page.drawText(fitted, { x: at, y: this.y - size, size, font, color: INK });
        x += width;
      });
      this.y -= rowHeight;
    };
    draw(
      columns.map((column) => column.header),
      true,
    );
    this.page.drawLine({
      start: { x: MARGIN, y: this.y + 3 },
      end: { x: MARGIN + CONTENT_WIDTH, y: this.y + 3 },
      thickness: 0.6,
      color: MUTED,
    });
    for (const row of rows) draw(row, false);
    this.y -= 4;
  }

  private fit(text: string, font: PDFFont, size: number, width: number): string {
    if (font.widthOfTextAtSize(text, size) <= width) return text;
    let cut = text;
    while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, size) > width) cut = cut.slice(0, -1);
    return `${cut}…`;
  }
}
