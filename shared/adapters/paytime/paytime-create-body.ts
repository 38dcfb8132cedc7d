import {
  BillingProviderRejectedError,
  type BoletoPayer,
  type CreateBoletoRequest,
} from '#application/ports/billing-provider';
import { isCalendarDate } from '#domain/calendar-date';
import { MAX_BOLETO_AMOUNT_CENTS } from '#domain/febraban-barcode';
import { describeWithReference } from './paytime-reference';

/**
 * `CreateBoletoRequest` → the JSON body of `POST /v1/marketplace/billets`. Field names follow the request
 * sample integrators publish (see docs/paytime.md); rates go as percentages (bps / 100, e.g. 2.5),
 * `late_fee` / `interest` / `discount` are left out when zero.
 */

export interface PaytimeBilletBody {
  amount: number;
  expiration: string;
  payment_limit_date: string;
  recharge: false;
  client: {
    first_name: string;
    last_name: string;
    document: string;
    email?: string;
    phone?: string;
    address?: {
      street: string;
      number: string;
      complement?: string;
      neighborhood: string;
      city: string;
      state: string;
      zip_code: string;
    };
  };
  instruction: {
    booklet: false;
    description: string;
    late_fee?: { mode: 'PERCENTAGE'; amount: number };
    interest?: { mode: 'MONTHLY_PERCENTAGE'; amount: number };
    discount?: { mode: 'PERCENTAGE'; amount: number; limit_date: string };
  };
}

export interface BilletBodyOptions {
  /** Used when the payer has no e-mail (Paytime's samples always carry one). */
  defaultPayerEmail?: string;
}

/** Throws BillingProviderRejectedError (before any call) when the request cannot be a valid boleto. */
export function toBilletBody(
  request: CreateBoletoRequest,
  options: BilletBodyOptions = {},
): PaytimeBilletBody {
  validate(request);
  const { instructions } = request;
  const body: PaytimeBilletBody = {
    amount: request.amountCents,
    expiration: request.dueDate,
    payment_limit_date: request.paymentLimitDate,
    recharge: false,
    client: clientOf(request.payer, options),
    instruction: {
      booklet: false,
      description: describeWithReference(request.description, request.commandKey),
    },
  };
  if (instructions.fineBps > 0) {
    body.instruction.late_fee = { mode: 'PERCENTAGE', amount: percentOf(instructions.fineBps) };
  }
  if (instructions.monthlyInterestBps > 0) {
    body.instruction.interest = {
      mode: 'MONTHLY_PERCENTAGE',
      amount: percentOf(instructions.monthlyInterestBps),
    };
  }
  if (instructions.discount && instructions.discount.bps > 0) {
    body.instruction.discount = {
      mode: 'PERCENTAGE',
      amount: percentOf(instructions.discount.bps),
      limit_date: instructions.discount.limitDate,
    };
  }
  return body;
}

/** CPF/CNPJ without punctuation; upper case keeps the alphanumeric CNPJ (2026) intact. */
export function normalizeDocument(taxId: string): string {
  return taxId.replace(/[\s.\-/]/g, '').toUpperCase();
}

/** Paytime's samples carry national numbers (`31992831124`): Brazilian E.164 loses its `+55`. */
export function nationalPhoneOf(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return phone.trim().startsWith('+55') ? digits.slice(2) : digits;
}

/**
 * Paytime wants `first_name` + `last_name`. A person is split at the first space; a company (CNPJ) sends its
 * full name in both (razão social / nome fantasia); a single-word name is repeated rather than sent empty.
 */
export function splitPayerName(name: string, document: string): { first_name: string; last_name: string } {
  const full = name.replace(/\s+/g, ' ').trim();
  if (document.length === 14) return { first_name: full, last_name: full };
  const space = full.indexOf(' ');
  if (space < 0) return { first_name: full, last_name: full };
  return { first_name: full.slice(0, space), last_name: full.slice(space + 1) };
}

function clientOf(payer: BoletoPayer, options: BilletBodyOptions): PaytimeBilletBody['client'] {
  const document = normalizeDocument(payer.taxId);
  const client: PaytimeBilletBody['client'] = { ...splitPayerName(payer.name, document), document };
  const email = payer.email ?? options.defaultPayerEmail;
  if (email) client.email = email;
  if (payer.phone) client.phone = nationalPhoneOf(payer.phone);
  if (payer.address) {
    const { street, number, complement, neighborhood, city, state, zipCode } = payer.address;
    client.address = { street, number, neighborhood, city, state, zip_code: zipCode.replace(/\D/g, '') };
    if (complement) client.address.complement = complement;
  }
  return client;
}

function percentOf(bps: number): number {
  return bps / 100;
}

function validate(request: CreateBoletoRequest): void {
  const problems: string[] = [];
  const { amountCents, dueDate, paymentLimitDate, payer, instructions } = request;
  if (!request.commandKey.trim()) problems.push('commandKey is empty');
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0 || amountCents > MAX_BOLETO_AMOUNT_CENTS) {
    problems.push(`amountCents must be 1..${MAX_BOLETO_AMOUNT_CENTS}`);
  }
  if (!isCalendarDate(dueDate)) problems.push('dueDate is not YYYY-MM-DD');
  if (!isCalendarDate(paymentLimitDate)) problems.push('paymentLimitDate is not YYYY-MM-DD');
  else if (isCalendarDate(dueDate) && paymentLimitDate < dueDate)
    problems.push('paymentLimitDate is before dueDate');
  if (!payer.name.trim()) problems.push('payer name is empty');
  if (!/^(\d{11}|[0-9A-Z]{12}\d{2})$/.test(normalizeDocument(payer.taxId))) {
    problems.push('payer taxId is not a CPF or CNPJ');
  }
  for (const [label, bps] of [
    ['fineBps', instructions.fineBps],
    ['monthlyInterestBps', instructions.monthlyInterestBps],
    ['discount.bps', instructions.discount?.bps ?? 0],
  ] as const) {
    if (!Number.isSafeInteger(bps) || bps < 0 || bps > 10_000) problems.push(`${label} must be 0..10000`);
  }
  if (instructions.discount && !isCalendarDate(instructions.discount.limitDate)) {
    problems.push('discount.limitDate is not YYYY-MM-DD');
  }
  if (problems.length > 0) {
    throw new BillingProviderRejectedError(
      `boleto request refused before calling Paytime: ${problems.join('; ')}`,
    );
  }
}
