import { randomBytes, randomUUID } from 'node:crypto';
import type { CalendarDate } from '#domain/calendar-date';
import { barcodeToDigitableLine, buildBoletoBarcode } from '#domain/febraban-barcode';
import type { SimulatedBillet } from './billet-store';
import type { CreateBilletRequest } from './create-billet-request';

/**
 * Builds the simulator's billets: ids shaped like Paytime's (24-hex Mongo ObjectIds), the PROCESSING record a
 * create answers, and the payment data (FEBRABAN barcode, digitable line, PDF URL, Pix EMV) that appears
 * when it becomes PENDING.
 */

export interface IssuingSettings {
  bankCode: string;
  feesCents: number;
  establishmentId: string;
  /** Base URL PDF links point at (the simulator's own address). */
  publicUrl: () => string;
}

let objectIdCounter = Math.floor(Math.random() * 0xffffff);

/** A 24-hex id like MongoDB's ObjectId (seconds, random, counter), as Paytime's `_id`s are. */
export function objectId(nowMs: number): string {
  objectIdCounter = (objectIdCounter + 1) % 0xffffff;
  const seconds = Math.floor(nowMs / 1000)
    .toString(16)
    .padStart(8, '0');
  return `${seconds}${randomBytes(5).toString('hex')}${objectIdCounter.toString(16).padStart(6, '0')}`;
}

export function newProcessingBillet(
  request: CreateBilletRequest,
  nowMs: number,
  settings: IssuingSettings,
): SimulatedBillet {
  const now = new Date(nowMs).toISOString();
  const fees = Math.min(settings.feesCents, request.amount);
  const instruction = request.instruction ?? {};
  const billingInstructions: SimulatedBillet['billing_instructions'] = [];
  if (instruction.late_fee) billingInstructions.push({ name: 'late_fee', ...instruction.late_fee });
  if (instruction.interest) billingInstructions.push({ name: 'interest', ...instruction.interest });
  if (instruction.discount) billingInstructions.push({ name: 'discount', ...instruction.discount });
  const { address, ...client } = request.client;
  return {
    _id: objectId(nowMs),
    type: 'BILLET',
    gateway_key: randomUUID(),
    establishment_id: settings.establishmentId,
    description: instruction.description ?? '',
    amount: request.amount - fees,
    original_amount: request.amount,
    fees,
    fees_banking: {
      name: 'Pacote de Tarifa Bancária Comercial',
      description: 'Pacote de Tarifa Bancária Comercial',
      fees,
    },
    barcode: null,
    digitable_line: null,
    url: null,
    pix_emv: null,
    status: 'PROCESSING',
    expiration_at: `${request.expiration}T12:00:00.000Z`,
    payment_limit_date: `${request.payment_limit_date ?? request.expiration}T00:00:00.000Z`,
    billing_instructions: billingInstructions,
    recharge: request.recharge ?? false,
    gateway_authorization: 'CELCOIN',
    request_origin: 'API',
    created_at: now,
    updated_at: now,
    client: { ...client, ...(address ? { address: { ...address } } : {}), _id: objectId(nowMs) },
    transaction_id: randomUUID(),
  };
}

/** Fills barcode, digitable line, PDF URL and Pix payload: what PROCESSING → PENDING makes available. */
export function withPaymentData(
  billet: SimulatedBillet,
  sequence: number,
  settings: IssuingSettings,
): SimulatedBillet {
  const dueDate = billet.expiration_at.slice(0, 10) as CalendarDate;
  // Free field: carteira 109, nosso número from the sequence, agência 1500 and conta 12345 (Itaú-like layout).
  const freeField = `109${String(sequence % 100_000_000).padStart(8, '0')}150012345`.padEnd(25, '0');
  const barcode = buildBoletoBarcode({
    bankCode: settings.bankCode,
    dueDate,
    amountCents: billet.original_amount,
    freeField,
  });
  return {
    ...billet,
    barcode,
    digitable_line: barcodeToDigitableLine(barcode),
    url: `${settings.publicUrl()}/_sim/paytime/boletos/${billet._id}/pdf`,
    pix_emv: pixEmvFor(billet),
  };
}

/** A Pix BR Code (EMV MPM) for the billet's amount with a correct CRC16, payable only in imagination. */
export function pixEmvFor(billet: SimulatedBillet): string {
  const field = (id: string, value: string) => `${id}${String(value.length).padStart(2, '0')}${value}`;
  const account =
    field('00', 'br.gov.bcb.pix') + field('25', `pix.simulador.paytime/qr/v2/${billet.gateway_key}`);
  const amount = `${Math.floor(billet.original_amount / 100)}.${String(billet.original_amount % 100).padStart(2, '0')}`;
  const payload =
    field('00', '01') +
    field('01', '12') +
    field('26', account) +
    field('52', '0000') +
    field('53', '986') +
    field('54', amount) +
    field('58', 'BR') +
    field('59', 'PAYTIME SIMULADOR') +
    field('60', 'SAO PAULO') +
    field('62', field('05', '***')) +
    '6304';
  return payload + crc16Ccitt(payload);
}

function crc16Ccitt(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit += 1)
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** A one-page PDF that says which billet it is (enough for a WhatsApp document send in the local cloud). */
export function pdfFor(billet: SimulatedBillet): Buffer {
  const text = `Boleto ${billet._id} - ${billet.digitable_line ?? 'em processamento'}`.replace(/[()\\]/g, '');
  const stream = `BT /F1 10 Tf 40 800 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
