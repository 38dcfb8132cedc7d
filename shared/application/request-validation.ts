import {
  addDays,
  type CalendarDate,
  daysBetween,
  formatDateBr,
  isAfter,
  isBefore,
} from '#domain/calendar-date';
import { formatBrl } from '#domain/money';
import type { Intent, Interpretation } from './ports/language-model';

/**
 * What is missing or doubtful in an interpreted request, as clarifying questions in pt-BR. Deterministic and
 * separate from parsing: whatever produced the interpretation (the parser or a language model), it passes
 * through here, and creating or cancelling a boleto still needs the owner's explicit confirmation afterwards.
 * Decisions behind the rules: docs/decisions.md, "Language understanding".
 */

export type ValidationIssueCode =
  | 'missing_amount'
  | 'amount_not_positive'
  | 'amount_negative'
  | 'amount_unreadable'
  | 'several_charges'
  | 'amount_above_limit'
  | 'amount_unusual'
  | 'missing_contact'
  | 'missing_due_date'
  | 'due_date_in_past'
  | 'due_date_too_far'
  | 'entry_date_in_future';

export interface ValidationIssue {
  code: ValidationIssueCode;
  field: 'amount' | 'contact' | 'date';
  /** The question to send the owner (pt-BR, WhatsApp-short). */
  question: string;
}

export interface ValidationContext {
  /** Today in São Paulo. */
  today: CalendarDate;
  /** Above this a boleto amount is unusual for the tenant and must be confirmed once more. */
  usualMaxCents: number;
  /** A hard ceiling per boleto (the tenant's or the provider's limit), if any: above it the amount is refused. */
  maxAmountCents?: number;
  /** Above this an expense or income is unusual (a typo like "45000" for "450"); unchecked when absent. */
  usualMaxEntryCents?: number;
  /** A due date further away than this is questioned (default 366 days). */
  maxDueInDays?: number;
}

const DEFAULT_MAX_DUE_IN_DAYS = 366;

/**
 * Intents that create or end a boleto: never acted on without the owner's explicit "sim". A ledger entry is
 * recorded at once (it moves no money and is corrected by another message).
 */
const NEEDS_CONFIRMATION: ReadonlySet<Intent> = new Set(['create_boleto', 'cancel_boleto']);

export function requiresConfirmation(intent: Intent): boolean {
  return NEEDS_CONFIRMATION.has(intent);
}

/** The day an expense or income is recorded on: the date in the message, else today. */
export function entryDate(interpretation: Interpretation, today: CalendarDate): CalendarDate {
  return interpretation.date ?? today;
}

/** "-50", "1e9", "100 do João e 200 da Maria": asked about before anything else, never read as a value. */
function doubtIssues(interpretation: Interpretation, noun: string): ValidationIssue[] {
  const doubt = interpretation.amountDoubt;
  if (!doubt) return [];
  switch (doubt.kind) {
    case 'negative_amount':
      return [
        {
          code: 'amount_negative',
          field: 'amount',
          question: `Não dá para usar um valor negativo (-${formatBrl(doubt.amountCents)}). Qual o valor ${noun}?`,
        },
      ];
    case 'unreadable_amount':
      return [
        {
          code: 'amount_unreadable',
          field: 'amount',
          question: `Não entendi o valor "${doubt.written}". Qual o valor ${noun}, em reais (ex.: 150,00)?`,
        },
      ];
    case 'several_charges': {
      const list = doubt.charges
        .map((charge) => `${formatBrl(charge.amountCents)} de ${charge.contact}`)
        .join(' e ');
      const question =
        `Vi ${doubt.charges.length} cobranças nessa mensagem: ${list}. ` +
        'Faço um boleto por pedido: pode mandar cada cobrança numa mensagem?';
      return [{ code: 'several_charges', field: 'amount', question }];
    }
  }
}

function amountIssues(
  amountCents: number | null,
  noun: string,
  usualMaxCents: number | undefined,
  maxAmountCents: number | undefined,
): ValidationIssue[] {
  if (amountCents === null)
    return [{ code: 'missing_amount', field: 'amount', question: `Qual o valor ${noun}?` }];
  if (amountCents <= 0) {
    return [
      {
        code: 'amount_not_positive',
        field: 'amount',
        question: `O valor precisa ser maior que zero. Qual o valor ${noun}?`,
      },
    ];
  }
  if (maxAmountCents !== undefined && amountCents > maxAmountCents) {
    const question = `O valor máximo permitido é ${formatBrl(maxAmountCents)}. Qual o valor ${noun}?`;
    return [{ code: 'amount_above_limit', field: 'amount', question }];
  }
  if (usualMaxCents !== undefined && amountCents > usualMaxCents) {
    const question = `O valor ${formatBrl(amountCents)} está bem acima do seu normal. Confirma?`;
    return [{ code: 'amount_unusual', field: 'amount', question }];
  }
  return [];
}

function boletoIssues(interpretation: Interpretation, context: ValidationContext): ValidationIssue[] {
  const doubts = doubtIssues(interpretation, 'do boleto');
  const issues = doubts.length
    ? doubts
    : amountIssues(interpretation.amountCents, 'do boleto', context.usualMaxCents, context.maxAmountCents);
  if (interpretation.contact === null) {
    issues.push({ code: 'missing_contact', field: 'contact', question: 'Para quem é o boleto?' });
  }
  const due = interpretation.date;
  if (due === null) {
    issues.push({ code: 'missing_due_date', field: 'date', question: 'Qual a data de vencimento?' });
  } else if (isBefore(due, context.today)) {
    const question = `A data ${formatDateBr(due)} já passou. Qual o vencimento?`;
    issues.push({ code: 'due_date_in_past', field: 'date', question });
  } else {
    const horizon = context.maxDueInDays ?? DEFAULT_MAX_DUE_IN_DAYS;
    if (daysBetween(context.today, due) > horizon) {
      const last = formatDateBr(addDays(context.today, horizon));
      const question = `O vencimento ${formatDateBr(due)} passa do limite de um ano (até ${last}). Qual o vencimento?`;
      issues.push({ code: 'due_date_too_far', field: 'date', question });
    }
  }
  return issues;
}

function entryIssues(interpretation: Interpretation, context: ValidationContext): ValidationIssue[] {
  const noun = interpretation.intent === 'record_expense' ? 'do gasto' : 'recebido';
  const doubts = doubtIssues(interpretation, noun);
  const issues = doubts.length
    ? doubts
    : amountIssues(interpretation.amountCents, noun, context.usualMaxEntryCents, undefined);
  const date = interpretation.date;
  if (date !== null && isAfter(date, context.today)) {
    const question = `A data ${formatDateBr(date)} ainda não chegou. Em que dia foi?`;
    issues.push({ code: 'entry_date_in_future', field: 'date', question });
  }
  return issues;
}

/** Issues a boleto request cannot be collected from: the owner restates the request instead of answering. */
const RESTATE: ReadonlySet<ValidationIssueCode> = new Set([
  'amount_negative',
  'amount_unreadable',
  'several_charges',
  'due_date_too_far',
]);

/**
 * For a new boleto request: the question that refuses it before anything is stored ("-50", "1e9", two charges,
 * a due date past the horizon), or undefined when it may be collected and confirmed as usual. Nothing is
 * created; the owner sends the request again, right.
 */
export function refusalOfBoletoRequest(
  interpretation: Interpretation,
  context: Pick<ValidationContext, 'today' | 'maxDueInDays'>,
): ValidationIssue | undefined {
  if (interpretation.intent !== 'create_boleto') return undefined;
  const issue = boletoIssues(interpretation, { ...context, usualMaxCents: Number.MAX_SAFE_INTEGER }).find(
    (candidate) => RESTATE.has(candidate.code),
  );
  if (!issue || issue.code === 'several_charges') return issue;
  const again =
    issue.field === 'date'
      ? 'Mande o pedido de novo com a data certa.'
      : 'Mande o pedido de novo com o valor certo, ex.: "cobra 150 do João dia 20".';
  return { ...issue, question: `${issue.question} ${again}` };
}

/** Every issue of the request, in the order to ask them (amount, contact, date). Empty when it is complete. */
export function validateRequest(
  interpretation: Interpretation,
  context: ValidationContext,
): ValidationIssue[] {
  switch (interpretation.intent) {
    case 'create_boleto':
      return boletoIssues(interpretation, context);
    case 'record_expense':
    case 'record_income':
      return entryIssues(interpretation, context);
    case 'check_status':
      return interpretation.contact === null
        ? [{ code: 'missing_contact', field: 'contact', question: 'De qual contato você quer saber?' }]
        : [];
    case 'cancel_boleto':
      return interpretation.contact === null
        ? [{ code: 'missing_contact', field: 'contact', question: 'De quem é o boleto que devo cancelar?' }]
        : [];
    default:
      return [];
  }
}
