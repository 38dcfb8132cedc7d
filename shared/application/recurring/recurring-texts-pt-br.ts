import { type CalendarDate, formatDateBr } from '#domain/calendar-date';
import { formatBrl } from '#domain/money';
import {
  dueDateIn,
  ISSUE_DAYS_BEFORE_DUE,
  monthsOf,
  type Period,
  type RecurringPlan,
} from '#domain/recurring-plan';

/** What IRIS says about recurring charges (pt-BR, short; amounts `R$ 1.234,56`, dates `10/12/2026`). */

type PlanTerms = Pick<
  RecurringPlan,
  'amountCents' | 'contactName' | 'dayOfMonth' | 'firstPeriod' | 'lastPeriod'
>;

const dayText = (day: number) => (day >= 29 ? `todo dia ${day} (ou o último dia do mês)` : `todo dia ${day}`);

function span(terms: PlanTerms): string {
  const first = formatDateBr(dueDateIn(terms.firstPeriod, terms.dayOfMonth));
  if (!terms.lastPeriod) return `a partir de ${first}, até você pedir para parar`;
  const last = formatDateBr(dueDateIn(terms.lastPeriod, terms.dayOfMonth));
  return `de ${first} a ${last} (${monthsOf(terms)} boletos)`;
}

export const recurringTexts = {
  confirmCreate: (terms: PlanTerms) =>
    `Confirma cobrança mensal de ${formatBrl(terms.amountCents)} para ${terms.contactName}, ${dayText(terms.dayOfMonth)}, ${span(terms)}? Cada boleto é emitido ${ISSUE_DAYS_BEFORE_DUE} dias antes do vencimento e enviado ao contato.`,
  confirmStop: (terms: PlanTerms) =>
    `Encerrar a cobrança mensal de ${formatBrl(terms.amountCents)} de ${terms.contactName} (${dayText(terms.dayOfMonth)})? Os boletos já emitidos continuam valendo.`,
  created: (terms: PlanTerms, firstIssue: 'now' | CalendarDate) =>
    `Pronto: cobrança mensal de ${formatBrl(terms.amountCents)} para ${terms.contactName}, ${dayText(terms.dayOfMonth)}, ${span(terms)}. ${
      firstIssue === 'now'
        ? 'Vou emitir o primeiro boleto em instantes e te aviso quando ele for enviado.'
        : `O primeiro boleto será emitido em ${formatDateBr(firstIssue)}.`
    }`,
  stopped: (terms: PlanTerms) =>
    `Pronto: a cobrança mensal de ${formatBrl(terms.amountCents)} de ${terms.contactName} foi encerrada. Nenhum boleto novo será emitido; os já emitidos continuam valendo.`,
  createKept: () => 'Tudo bem, não criei a cobrança mensal.',
  stopKept: () => 'Tudo bem, a cobrança mensal continua.',
  missingTerms: (missing: string[]) =>
    `Para criar uma cobrança mensal preciso de ${missing.join(', ')}. Ex.: "cobra 100 do João todo mês dia 10" (pode terminar com "até junho" ou "por 6 meses").`,
  amountAboveLimit: (limitCents: number) =>
    `O valor passa do limite por boleto (${formatBrl(limitCents)}). Mande de novo com um valor menor.`,
  tooManyMonths: (max: number) => `Uma cobrança mensal pode ter até ${max} meses.`,
  endBeforeStart: () => 'O fim da cobrança mensal fica antes do primeiro vencimento. Confira o mês final.',
  noPlans: () => 'Você não tem cobranças mensais ativas. Para criar: "cobra 100 do João todo mês dia 10".',
  list: (plans: RecurringPlan[]) =>
    `Suas cobranças mensais:\n${plans
      .map(
        (plan) =>
          `• ${plan.contactName}: ${formatBrl(plan.amountCents)} ${dayText(plan.dayOfMonth)}, ${span(plan)}`,
      )
      .join('\n')}`,
  whichPlan: (contactName: string) => `De qual cobrança mensal? Ex.: "para a mensalidade do ${contactName}".`,
  noPlanFor: (name: string) => `Não encontrei cobrança mensal ativa de ${name}.`,
  severalPlansFor: (name: string, plans: RecurringPlan[]) =>
    `${name} tem ${plans.length} cobranças mensais ativas (${plans
      .map((plan) => `${formatBrl(plan.amountCents)} todo dia ${plan.dayOfMonth}`)
      .join(
        '; ',
      )}). Por enquanto encerro uma por vez: diga o valor, ex.: "para a mensalidade de ${formatBrl(plans[0]?.amountCents ?? 0)} do ${name}".`,
  notConfigured: () => 'Cobranças mensais ainda não estão disponíveis aqui.',
  contactGone: (period: Period) => `Não emiti o boleto mensal de ${period}: o contato não existe mais.`,
};
