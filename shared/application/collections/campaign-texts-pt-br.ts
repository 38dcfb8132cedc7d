import { type CalendarDate, formatDateBr } from '#domain/calendar-date';
import type { CollectionEmailContent } from '#domain/collections/collection-email';
import {
  ESCALATION_DEGREE_NAMES,
  ESCALATION_DEGREES,
  type EscalationDegree,
} from '#domain/collections/escalation';
import type { SkipReason } from './collection-email-selection';

/**
 * What IRIS tells the owner about collection e-mail campaigns (pt-BR, short). Only what is true when said:
 * e-mails are "na fila de envio" once queued; "enviado" is said by nobody here (SES accepts them later).
 */

const SKIP_TEXT: Readonly<Record<SkipReason, string>> = {
  paused: 'pausadas',
  nothing_overdue: 'sem nada vencido',
  no_billing_contact: 'sem e-mail de cobrança válido',
  already_emailed_for_snapshot: 'já cobradas nesta posição',
  emailed_recently: 'cobradas há menos de 7 dias',
};

/** WhatsApp's interactive message body holds 1,024 characters; the sample is cut to fit. */
const SAMPLE_LINES = 4;
const MAX_BODY_CHARS = 1_024;

function perDegree(degrees: readonly EscalationDegree[]): string[] {
  return ESCALATION_DEGREES.filter((degree) => degrees.includes(degree)).map(
    (degree) =>
      `• ${degree} – ${ESCALATION_DEGREE_NAMES[degree]}: ${degrees.filter((d) => d === degree).length}`,
  );
}

function skippedLine(reasons: readonly SkipReason[]): string | undefined {
  if (reasons.length === 0) return undefined;
  const counts = new Map<SkipReason, number>();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  const parts = [...counts].map(([reason, count]) => `${count} ${SKIP_TEXT[reason]}`);
  return `Fora desta vez: ${parts.join(', ')}.`;
}

export const campaignTexts = {
  emptyPortfolio: () =>
    'Sua carteira está vazia: me mande o CSV de contas a receber (posição de faturas em aberto) para começar.',
  nothingDue: (reasons: readonly SkipReason[]) =>
    ['Nenhum e-mail de cobrança a enviar agora.', skippedLine(reasons)].filter(Boolean).join('\n'),
  confirm: (input: {
    /** The portfolio's totals per bucket (the first lines of `portfolioStatusText`). */
    portfolio: string;
    asOf: CalendarDate;
    degrees: readonly EscalationDegree[];
    skipped: readonly SkipReason[];
    sample: { accountName: string; email: CollectionEmailContent; modelMayWrite: boolean };
    weekly: boolean;
  }) => {
    const head = [
      input.portfolio,
      '',
      `Cobrança por e-mail (posição de ${formatDateBr(input.asOf)}): ${input.degrees.length} e-mail${input.degrees.length === 1 ? '' : 's'}`,
      ...perDegree(input.degrees),
      skippedLine(input.skipped),
      '',
      `Exemplo (${input.sample.accountName}):`,
      `Assunto: ${input.sample.email.subject}`,
    ];
    const tail = [
      input.sample.modelMayWrite ? '(a IA pode redigir o texto, sempre com estes valores)' : undefined,
      '',
      input.weekly
        ? 'Confirma? Envio agora e toda segunda às 9h mando o que estiver devido, e te aviso.'
        : 'Confirma o envio?',
    ];
    const join = (lines: Array<string | undefined>) => lines.filter((line) => line !== undefined).join('\n');
    // The sample's first lines, as many as fit: the question at the end is never cut.
    const sample: string[] = [];
    for (const line of input.sample.email.text.split('\n').filter(Boolean).slice(0, SAMPLE_LINES)) {
      const cut = line.length > 160 ? `${line.slice(0, 159)}…` : line;
      if (join([...head, ...sample, cut, '…', ...tail]).length > MAX_BODY_CHARS) break;
      sample.push(cut);
    }
    return join([...head, ...sample, '…', ...tail]);
  },
  queued: (count: number, weekly: boolean) =>
    [
      count === 0
        ? 'Nenhum e-mail novo na fila: nada mais estava devido.'
        : `${count} e-mail${count === 1 ? '' : 's'} na fila de envio.`,
      weekly
        ? 'Cobrança automática ligada: toda segunda às 9h. Para desligar: "para as cobranças automáticas".'
        : undefined,
    ]
      .filter(Boolean)
      .join('\n'),
  kept: () => 'Ok, nenhum e-mail foi enviado.',
  weeklyRun: (runDate: CalendarDate, count: number) =>
    count === 0
      ? `Cobrança automática de ${formatDateBr(runDate)}: nenhum e-mail devido hoje.`
      : `Cobrança automática de ${formatDateBr(runDate)}: ${count} e-mail${count === 1 ? '' : 's'} na fila de envio.`,
  weeklyStopped: () => 'Cobrança automática desligada. Nenhum e-mail será enviado sem você pedir.',
  weeklyNotOn: () => 'Não há cobrança automática ligada.',
  paused: (name: string, paused: boolean) =>
    paused
      ? `Cobrança por e-mail de ${name} pausada: nenhum e-mail até você pedir "retoma a cobrança de ${name}".`
      : `Cobrança por e-mail de ${name} retomada: entra na próxima campanha em que estiver devida.`,
  pinned: (name: string, degree: EscalationDegree, paused: boolean) =>
    `${name} fica no grau ${degree} (${ESCALATION_DEGREE_NAMES[degree]}) nas próximas cobranças por e-mail, ` +
    `enquanto tiver fatura vencida.${paused ? ` A cobrança dela está pausada: nada é enviado até você pedir "retoma a cobrança de ${name}".` : ''}`,
  unpinned: (name: string) =>
    `${name} volta ao grau automático: as próximas cobranças seguem a fatura vencida mais antiga.`,
  whichDegree: () =>
    'Em qual grau? 1 lembrete amigável, 2 lembrete firme, 3 notificação formal, 4 aviso final. Ex.: "fixa a Padaria Estrela no grau 3".',
  accountNotFound: (name: string) => `Não encontrei "${name}" na carteira importada.`,
  severalAccounts: (name: string, names: readonly string[]) =>
    `Mais de uma conta tem "${name}": ${names.join(', ')}. Qual delas? Escreva o nome completo.`,
  whichAccount: () => 'De qual conta? Ex.: "pausa a cobrança da Padaria Estrela".',
  unavailable: () => 'A cobrança por e-mail não está disponível nesta conta.',
};
