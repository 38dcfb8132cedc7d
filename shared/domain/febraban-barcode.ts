import { formatBoleto } from '@brazilian-utils/brazilian-utils';
import { addDays, type CalendarDate, calendarDate, daysBetween } from './calendar-date';
import { InvalidInputError } from './domain-error';
import type { Cents } from './money';

/**
 * Boleto de cobrança bancária (FEBRABAN / Carta-Circular BCB 2.926): the 44-digit barcode and the 47-digit
 * linha digitável printed above it. Pure: no I/O, no clock.
 *
 * Barcode (44 digits, 1-based positions):
 *   01-03 bank code (COMPE) · 04 currency (9 = real) · 05 general check digit (mod 11) ·
 *   06-09 due-date factor · 10-19 amount in centavos · 20-44 free field (the bank's, 25 digits).
 *
 * Digitable line (47 digits) = five fields:
 *   1: bank + currency + free field 1-5, then a mod-10 DV (10 digits)
 *   2: free field 6-15, then a mod-10 DV (11) · 3: free field 16-25, then a mod-10 DV (11)
 *   4: the barcode's general DV (1) · 5: factor + amount (14).
 *
 * Due-date factor: days since the base date 07/10/1997. It reached 9999 on 21/02/2025 and restarted at 1000
 * on 22/02/2025 (FEBRABAN rule, as published in the banks' cobrança layouts), so it cycles through
 * 1000..9999 every 9000 days. Factor 0000 means "no due date". Dates before 03/07/2000 (factor 1000 of the
 * first cycle) are not supported: no boleto issued today can carry one.
 */

export const BARCODE_LENGTH = 44;
export const DIGITABLE_LINE_LENGTH = 47;
export const CURRENCY_REAL = '9';
/** Largest amount the 10-digit field can hold: R$ 99.999.999,99. */
export const MAX_BOLETO_AMOUNT_CENTS = 9_999_999_999;

const FACTOR_BASE_DATE = calendarDate('1997-10-07');
const FIRST_SUPPORTED_DUE_DATE = calendarDate('2000-07-03'); // factor 1000, first cycle
const FACTOR_MIN = 1000;
const FACTOR_CYCLE_DAYS = 9000;

const DIGITS = /^\d+$/;

export interface BoletoBarcodeInput {
  /** Three-digit COMPE bank code, e.g. `'341'`. */
  bankCode: string;
  /** Defaults to `'9'` (real). */
  currencyCode?: string;
  /** `null` for a boleto without due date (factor 0000). */
  dueDate: CalendarDate | null;
  amountCents: Cents;
  /** The bank's 25-digit free field (carteira, nosso número, agência, conta...). */
  freeField: string;
}

export interface BoletoBarcodeParts {
  bankCode: string;
  currencyCode: string;
  checkDigit: number;
  /** The raw four-digit factor (0 when there is no due date). */
  dueDateFactor: number;
  amountCents: Cents;
  freeField: string;
}

/** The due-date factor (1000..9999) of a calendar date, after the 22/02/2025 reset. */
export function dueDateFactor(date: CalendarDate): number {
  if (date < FIRST_SUPPORTED_DUE_DATE) {
    throw new InvalidInputError(`due date before 2000-07-03 has no current-cycle factor: ${date}`);
  }
  const days = daysBetween(FACTOR_BASE_DATE, date);
  return ((days - FACTOR_MIN) % FACTOR_CYCLE_DAYS) + FACTOR_MIN;
}

/**
 * The due date a factor stands for. A factor names one date per 9000-day cycle, so the cycle is chosen as
 * the one whose date lies closest to `referenceDate` (e.g. today, or the boleto's issue date).
 */
export function dueDateOfFactor(factor: number, referenceDate: CalendarDate): CalendarDate {
  if (!Number.isInteger(factor) || factor < FACTOR_MIN || factor > 9999) {
    throw new InvalidInputError(`due-date factor must be 1000..9999: ${factor}`);
  }
  const referenceDays = daysBetween(FACTOR_BASE_DATE, referenceDate);
  const cycle = Math.max(0, Math.round((referenceDays - factor) / FACTOR_CYCLE_DAYS));
  return addDays(FACTOR_BASE_DATE, factor + cycle * FACTOR_CYCLE_DAYS);
}

/** Módulo 10 check digit (weights 2,1,2,1... from the right, digits of each product summed). */
export function modulo10(digits: string): number {
  assertDigits(digits, 'modulo 10 input');
  let sum = 0;
  let weight = 2;
  for (let index = digits.length - 1; index >= 0; index -= 1) {
    const product = Number(digits[index]) * weight;
    sum += product > 9 ? product - 9 : product;
    weight = weight === 2 ? 1 : 2;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * The barcode's general check digit: módulo 11 with weights 2..9 cycling from the right over the 43 other
 * digits; 11 - remainder, and 1 when that gives 0, 10 or 11.
 */
export function barcodeCheckDigit(digitsWithoutDv: string): number {
  assertDigits(digitsWithoutDv, 'barcode without check digit');
  if (digitsWithoutDv.length !== BARCODE_LENGTH - 1) {
    throw new InvalidInputError(`barcode without check digit must have 43 digits: ${digitsWithoutDv.length}`);
  }
  let sum = 0;
  let weight = 2;
  for (let index = digitsWithoutDv.length - 1; index >= 0; index -= 1) {
    sum += Number(digitsWithoutDv[index]) * weight;
    weight = weight === 9 ? 2 : weight + 1;
  }
  const dv = 11 - (sum % 11);
  return dv === 0 || dv === 10 || dv === 11 ? 1 : dv;
}

/** Builds the 44-digit barcode; throws InvalidInputError on a malformed bank code, amount or free field. */
export function buildBoletoBarcode(input: BoletoBarcodeInput): string {
  const currencyCode = input.currencyCode ?? CURRENCY_REAL;
  if (!/^\d{3}$/.test(input.bankCode))
    throw new InvalidInputError(`bank code must be 3 digits: ${input.bankCode}`);
  if (!/^\d$/.test(currencyCode))
    throw new InvalidInputError(`currency code must be 1 digit: ${currencyCode}`);
  if (!/^\d{25}$/.test(input.freeField)) {
    throw new InvalidInputError(`free field must be 25 digits: ${input.freeField.length}`);
  }
  if (
    !Number.isSafeInteger(input.amountCents) ||
    input.amountCents < 0 ||
    input.amountCents > MAX_BOLETO_AMOUNT_CENTS
  ) {
    throw new InvalidInputError(
      `boleto amount must be 0..${MAX_BOLETO_AMOUNT_CENTS} centavos: ${input.amountCents}`,
    );
  }
  const factor = input.dueDate === null ? '0000' : String(dueDateFactor(input.dueDate));
  const amount = String(input.amountCents).padStart(10, '0');
  const withoutDv = `${input.bankCode}${currencyCode}${factor}${amount}${input.freeField}`;
  const dv = barcodeCheckDigit(withoutDv);
  return `${withoutDv.slice(0, 4)}${dv}${withoutDv.slice(4)}`;
}

/** The 47-digit digitable line (digits only) of a valid 44-digit barcode. */
export function barcodeToDigitableLine(barcode: string): string {
  if (!isValidBoletoBarcode(barcode)) throw new InvalidInputError('not a valid boleto barcode');
  const head = barcode.slice(0, 4);
  const free = barcode.slice(19, 44);
  const field1 = `${head}${free.slice(0, 5)}`;
  const field2 = free.slice(5, 15);
  const field3 = free.slice(15, 25);
  return [
    field1,
    modulo10(field1),
    field2,
    modulo10(field2),
    field3,
    modulo10(field3),
    barcode[4],
    barcode.slice(5, 19),
  ].join('');
}

/** The 44-digit barcode behind a valid 47-digit digitable line (accepts dots and spaces). */
export function digitableLineToBarcode(line: string): string {
  const digits = line.replace(/[\s.]/g, '');
  if (!isValidDigitableLine(digits)) throw new InvalidInputError('not a valid boleto digitable line');
  return rebuildBarcode(digits);
}

export function isValidBoletoBarcode(barcode: string): boolean {
  if (barcode.length !== BARCODE_LENGTH || !DIGITS.test(barcode)) return false;
  const withoutDv = barcode.slice(0, 4) + barcode.slice(5);
  return barcodeCheckDigit(withoutDv) === Number(barcode[4]);
}

/** Checks the three field DVs (mod 10) and the general DV (mod 11). Accepts dots and spaces. */
export function isValidDigitableLine(line: string): boolean {
  const digits = line.replace(/[\s.]/g, '');
  if (digits.length !== DIGITABLE_LINE_LENGTH || !DIGITS.test(digits)) return false;
  const fields: Array<[number, number]> = [
    [0, 9],
    [10, 20],
    [21, 31],
  ];
  for (const [start, dvIndex] of fields) {
    if (modulo10(digits.slice(start, dvIndex)) !== Number(digits[dvIndex])) return false;
  }
  return isValidBoletoBarcode(rebuildBarcode(digits));
}

/** Reads a valid barcode back into its parts. */
export function parseBoletoBarcode(barcode: string): BoletoBarcodeParts {
  if (!isValidBoletoBarcode(barcode)) throw new InvalidInputError('not a valid boleto barcode');
  return {
    bankCode: barcode.slice(0, 3),
    currencyCode: barcode.slice(3, 4),
    checkDigit: Number(barcode[4]),
    dueDateFactor: Number(barcode.slice(5, 9)),
    amountCents: Number(barcode.slice(9, 19)),
    freeField: barcode.slice(19, 44),
  };
}

/** `34191.09008 05834.127895 29988.600002 1 16560000015000`: the line as printed on the boleto. */
export function formatDigitableLine(line: string): string {
  const digits = line.replace(/[\s.]/g, '');
  if (digits.length !== DIGITABLE_LINE_LENGTH || !DIGITS.test(digits)) {
    throw new InvalidInputError('digitable line must have 47 digits');
  }
  // @brazilian-utils prints a bank boleto's 47 digits the FEBRABAN way (its masks for other lengths are not used).
  return formatBoleto(digits);
}

function rebuildBarcode(digits: string): string {
  return (
    digits.slice(0, 4) +
    digits[32] +
    digits.slice(33, 47) +
    digits.slice(4, 9) +
    digits.slice(10, 20) +
    digits.slice(21, 31)
  );
}

function assertDigits(value: string, label: string): void {
  if (!DIGITS.test(value)) throw new InvalidInputError(`${label} must contain only digits`);
}
