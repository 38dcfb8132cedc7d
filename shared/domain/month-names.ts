/** Portuguese month names, January first, as the owner reads them ("março"). */
export const MONTH_NAMES_PT_BR = [
  'janeiro',
  'fevereiro',
  'março',
  'abril',
  'maio',
  'junho',
  'julho',
  'agosto',
  'setembro',
  'outubro',
  'novembro',
  'dezembro',
] as const;

/** The same names folded (lower case, no accents), as the parser compares words ("marco"). */
export const FOLDED_MONTH_NAMES: readonly string[] = MONTH_NAMES_PT_BR.map((name) =>
  name.normalize('NFD').replace(/\p{Diacritic}/gu, ''),
);
