import { formatBrl } from '#domain/money';
import { MONTH_NAMES_PT_BR } from '#domain/month-names';

/** What IRIS tells the owner about subscriptions and recurring expenses, in pt-BR. */

function monthName(month: string): string {
  return MONTH_NAMES_PT_BR[Number(month.slice(5, 7)) - 1] ?? month;
}

export const recurringExpenseTexts = {
  offer: (expense: { amountCents: number; dayOfMonth: number; description: string }) =>
    `Parece uma assinatura de ${formatBrl(expense.amountCents)} todo dia ${expense.dayOfMonth} (${expense.description}) — quer que eu acompanhe? Responda sim ou não.`,
  tracking: (expense: { amountCents: number; dayOfMonth: number; description: string }) =>
    `Combinado! Vou acompanhar ${expense.description}: ${formatBrl(expense.amountCents)} todo dia ${expense.dayOfMonth}. Se não aparecer ou vier mais caro, eu aviso.`,
  stopped: (expense: { description: string }) =>
    `Pronto, parei de acompanhar ${expense.description}. Não vou mais avisar se não aparecer.`,
  notTracked: (name: string) =>
    name
      ? `Não estou acompanhando nenhuma assinatura de "${name}".`
      : 'Qual assinatura devo parar de acompanhar? Ex.: "para de acompanhar a netflix".',
  declined: (expense: { description: string }) =>
    `Tudo bem, não vou acompanhar ${expense.description} nem perguntar de novo.`,
  larger: (expense: { description: string; amountCents: number }, bookedCents: number) =>
    `Atenção: ${expense.description} veio ${formatBrl(bookedCents)}, acima dos ${formatBrl(expense.amountCents)} de sempre.`,
  missing: (expense: { description: string; amountCents: number; dayOfMonth: number }, month: string) =>
    `Não anotei ${expense.description} de ${monthName(month)} (${formatBrl(expense.amountCents)}, costuma ser todo dia ${expense.dayOfMonth}). Se já pagou, me manda "paguei ${formatBrl(expense.amountCents).replace('R$ ', '')} ${expense.description}".`,
};
