import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { ReceiptSpec } from './receipt-image';

/**
 * A receipt as a PDF with a text layer (what a shop's e-mailed NFC-e looks like), with the same lines as the
 * photo `ReceiptImages` renders. Standard fonts encode WinAnsi only: accents are kept, nothing else exotic.
 */
export async function receiptPdf(spec: ReceiptSpec): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Courier);
  const lines = [
    spec.merchant,
    ...(spec.cnpj ? [`CNPJ: ${spec.cnpj}`] : []),
    ...(spec.address ? [spec.address] : []),
    spec.printedDate,
    ...spec.items.map((item) => `${item.name.padEnd(18, '.')} ${item.amount}`),
    `${spec.totalLabel ?? 'TOTAL R$'} ${spec.total}`,
    ...(spec.payment ? [spec.payment] : []),
  ];
  const page = document.addPage([300, 80 + lines.length * 16]);
  lines.forEach((line, index) => {
    page.drawText(line, { x: 16, y: page.getHeight() - 32 - index * 16, size: 10, font });
  });
  return document.save();
}

/** A scanned receipt: a PDF whose page is only the photo of the receipt, with no text layer. */
export async function scannedReceiptPdf(png: Uint8Array): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const picture = await document.embedPng(png);
  const page = document.addPage([picture.width, picture.height]);
  page.drawImage(picture, { x: 0, y: 0, width: picture.width, height: picture.height });
  return document.save();
}
