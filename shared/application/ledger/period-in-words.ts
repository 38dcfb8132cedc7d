import { addDays, type CalendarDate, dateParts, daysInMonth, formatDateBr } from '#domain/calendar-date';
import { MONTH_NAMES_PT_BR } from '#domain/month-names';
import type { Period } from './ledger-period-figures';

/** "em novembro de 2026", "este mês", "ontem (04/12/2026)", "em 2026", "de 01/09/2026 a 05/12/2026". */
export function periodInWords(period: Period, today: CalendarDate): string {
  const from = dateParts(period.from);
  const to = dateParts(period.to);
  if (period.from === period.to) {
    if (period.from === addDays(today, -1)) return `ontem (${formatDateBr(period.from)})`;
    if (period.from === today) return 'hoje';
    return `em ${formatDateBr(period.from)}`;
  }
  const wholeMonth = from.day === 1 && from.year === to.year && from.month === to.month;
  if (wholeMonth && (to.day === daysInMonth(to.year, to.month) || period.to === today)) {
    const current = period.to === today && to.day !== daysInMonth(to.year, to.month);
    return current ? 'este mês' : `em ${MONTH_NAMES_PT_BR[from.month - 1]} de ${from.year}`;
  }
  const wholeYear = from.day === 1 && from.month === 1 && from.year === to.year;
  if (wholeYear && ((to.month === 12 && to.day === 31) || period.to === today)) return `em ${from.year}`;
  return `de ${formatDateBr(period.from)} a ${formatDateBr(period.to)}`;
}
