import { type CalendarDate, dateParts } from '#domain/calendar-date';
import { formatBrl } from '#domain/money';

/** dd/mm: the receipt's day, as the owner reads it on the paper. */
function dayMonth(date: CalendarDate): string {
  const { day, month } = dateParts(date);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}`;
}

export const receiptReplies = {
  proposal: (input: { amountCents: number; merchant: string | null; date: CalendarDate; category: string }) =>
    `Despesa de ${formatBrl(input.amountCents)}${input.merchant ? ` no ${input.merchant}` : ''} em ${dayMonth(input.date)} (${input.category}) — confirma?`,
  askAmount: () => 'Não consegui ler o valor total desse comprovante. Qual foi o valor? (ex.: 87,40)',
  couldNotDownload: () => 'Não consegui baixar o arquivo. Pode mandar de novo?',
  denied: () => 'Ok, não anotei essa despesa.',
  gone: () => 'Esse comprovante já foi respondido ou expirou. Se quiser anotar, mande a foto de novo.',
} as const;
