/** Portuguese numbers written in words ("duzentos e noventa e nove", "mil e duzentos", "um milhão"). */

const UNITS: Record<string, number> = {
  um: 1,
  uma: 1,
  dois: 2,
  duas: 2,
  tres: 3,
  quatro: 4,
  cinco: 5,
  seis: 6,
  sete: 7,
  oito: 8,
  nove: 9,
};

const TEENS: Record<string, number> = {
  dez: 10,
  onze: 11,
  doze: 12,
  treze: 13,
  quatorze: 14,
  catorze: 14,
  quinze: 15,
  dezesseis: 16,
  dezasseis: 16,
  dezeseis: 16,
  dezessete: 17,
  dezasete: 17,
  dezesete: 17,
  dezoito: 18,
  dezenove: 19,
  dezanove: 19,
};

const TENS: Record<string, number> = {
  vinte: 20,
  trinta: 30,
  quarenta: 40,
  cinquenta: 50,
  cincoenta: 50,
  sessenta: 60,
  setenta: 70,
  oitenta: 80,
  noventa: 90,
};

const HUNDREDS: Record<string, number> = {
  cem: 100,
  cento: 100,
  duzentos: 200,
  duzentas: 200,
  trezentos: 300,
  trezentas: 300,
  quatrocentos: 400,
  quatrocentas: 400,
  quinhentos: 500,
  quinhentas: 500,
  seiscentos: 600,
  seiscentas: 600,
  setecentos: 700,
  setecentas: 700,
  oitocentos: 800,
  oitocentas: 800,
  novecentos: 900,
  novecentas: 900,
};

/** Multipliers that close a group: "dois mil", "1,5 mil", "um milhão", "1k". */
export const MULTIPLIERS: Record<string, number> = {
  mil: 1_000,
  k: 1_000,
  milhao: 1_000_000,
  milhoes: 1_000_000,
  mi: 1_000_000,
  bilhao: 1_000_000_000,
  bilhoes: 1_000_000_000,
};

/** Multipliers that only make sense right after digits ("1k", "2 mi"), never on their own. */
export const DIGIT_ONLY_MULTIPLIERS = new Set(['k', 'mi']);

/** The value of a single number word (0-999 part), or undefined. */
export function numberWordValue(folded: string): number | undefined {
  return UNITS[folded] ?? TEENS[folded] ?? TENS[folded] ?? HUNDREDS[folded];
}

export function isNumberWord(folded: string): boolean {
  return (
    numberWordValue(folded) !== undefined || (folded in MULTIPLIERS && !DIGIT_ONLY_MULTIPLIERS.has(folded))
  );
}

/**
 * Whether `value` can be added to a group (0-999) that already holds `group` in well-formed Portuguese:
 * "cento e" + "cinquenta" yes, "vinte e cinco" + "cinquenta" no (that one reads as centavos).
 */
export function canExtendGroup(group: number, value: number): boolean {
  if (value >= 100) return group === 0;
  if (value >= 10) return group % 100 === 0;
  const rest = group % 100;
  return group % 10 === 0 && (rest === 0 || rest >= 20);
}

/** "primeiro" / "1º" as a day of the month. */
export const ORDINAL_DAYS: Record<string, number> = { primeiro: 1, 'primeiro.': 1 };
