import type { AmendableBoleto } from '#domain/boleto-amendment';
import { type CalendarDate, formatDateBr } from '#domain/calendar-date';
import { formatBrl } from '#domain/money';
import { numberedLines } from './numbered-choice';

/** What IRIS tells the owner about amending a boleto, in pt-BR. */
export const amendmentTexts = {
  whose: () =>
    'De quem é o boleto que você quer mudar? Ex.: "muda o vencimento do boleto do João pra dia 30"',
  whatToChange: (name: string) =>
    `O que você quer mudar no boleto de ${name}: o valor ou o vencimento? Ex.: "muda o vencimento do boleto do ${name.split(' ')[0]} pra dia 30"`,
  noOpenBoleto: (name: string) => `${name} não tem boleto em aberto para mudar.`,
  alreadyPaid: (name: string, boleto: { amountCents: number; paidOn?: CalendarDate }) =>
    `${name} já pagou o boleto de ${formatBrl(boleto.amountCents)}${boleto.paidOn ? ` em ${formatDateBr(boleto.paidOn)}` : ''}; não mudei nada.`,
  alreadyCancelled: (name: string, amountCents: number) =>
    `O boleto de ${name} de ${formatBrl(amountCents)} já está cancelado; não mudei nada. Para um novo, é só pedir: "cobra ${formatBrl(amountCents)} do ${name.split(' ')[0]} dia 30".`,
  partiallyPaid: (name: string) =>
    `${name} já pagou parte desse boleto, então não posso trocá-lo por outro. Não mudei nada.`,
  nothingToChange: (boleto: AmendableBoleto) =>
    `O boleto já é de ${formatBrl(boleto.amountCents)} com vencimento ${formatDateBr(boleto.dueDate)}; não mudei nada.`,
  pastDate: (date: CalendarDate) =>
    `A data ${formatDateBr(date)} já passou; não mudei nada. Qual o novo vencimento?`,
  aboveLimit: (limitCents: number) =>
    `O valor máximo por boleto na sua conta é ${formatBrl(limitCents)}; não mudei nada.`,
  whichBoleto: (name: string, options: readonly AmendableBoleto[], invalid: boolean) =>
    `${invalid ? 'Não entendi qual. ' : ''}${name} tem ${options.length} boletos em aberto:\n${numberedLines(
      options.map((o) => `${formatBrl(o.amountCents)}, vence ${formatDateBr(o.dueDate)}`),
    )}\nQual deles você quer mudar? Responda com o número.`,
  confirm: (name: string, old: AmendableBoleto, terms: { amountCents: number; dueDate: CalendarDate }) =>
    `Trocar o boleto de ${name} de ${formatBrl(old.amountCents)} (vence ${formatDateBr(old.dueDate)}) por ${formatBrl(terms.amountCents)} vencendo ${formatDateBr(terms.dueDate)}? O antigo será cancelado.`,
  kept: () => 'Tudo bem, o boleto continua como estava.',
  replaced: (name: string, old: AmendableBoleto, terms: { amountCents: number; dueDate: CalendarDate }) =>
    `Troquei o boleto de ${name}: o antigo (${formatBrl(old.amountCents)}, vencimento ${formatDateBr(old.dueDate)}) foi cancelado e o novo (${formatBrl(terms.amountCents)}, vencimento ${formatDateBr(terms.dueDate)}) foi emitido.`,
  oldWasPaid: (name: string, old: AmendableBoleto) =>
    `Não troquei: ${name} pagou o boleto de ${formatBrl(old.amountCents)} (vencimento ${formatDateBr(old.dueDate)}) enquanto eu emitia o novo. O novo foi cancelado na Paytime e não foi enviado.`,
};
