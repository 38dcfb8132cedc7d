import type { Contact, ContactRepository } from '#application/ports/contact-repository';
import type { PageRequest } from '#application/ports/page';
import type { StatementProjection } from '#application/ports/statement-projection';
import type { TenantRepository } from '#application/ports/tenant-repository';
import { followUpSettingsOf } from '#application/reminders/tenant-follow-up-settings';
import type { CalendarDate } from '#domain/calendar-date';
import { NO_LATE_CHARGES } from '#domain/interest-policy';
import {
  EMPTY_STATEMENT_SUMMARY,
  type LateChargeRules,
  type StatementLine,
  type StatementSummary,
  type StatementTotals,
  statementLinesOn,
  statementTotalsOn,
} from '#domain/statement';
import type { AppLogger } from '#logging/create-logger';

export interface StatementDependencies {
  contacts: Pick<ContactRepository, 'get'>;
  tenants: Pick<TenantRepository, 'getProfile'>;
  statements: Pick<StatementProjection, 'readSummary' | 'readLinePage'>;
  logger?: AppLogger;
}

export interface StatementPage {
  contact: Contact;
  asOf: CalendarDate;
  /** Over the WHOLE statement, whatever the page. */
  totals: StatementTotals;
  /** By date, newest first: a boleto on its due date, a payment on its date. */
  lines: StatementLine[];
  nextCursor?: string;
}

/** The statement's header: the contact, the stored summary and the rules that turn it into today's figures. */
interface StatementHead {
  contact: Contact;
  summary: StatementSummary;
  rules: LateChargeRules;
}

/**
 * A page of a payer's statement as of `today`: the contact and the tenant's late-charge policy (GetItems), the
 * projection's summary (GetItem) and one page of lines (one Query), in parallel. Totals over the whole
 * statement come from the summary, their today-dependent parts (late charges) computed now. The WhatsApp
 * answer, the API and the CSV export all read it here. `undefined` when the tenant has no such contact.
 */
export async function readStatementPage(
  deps: StatementDependencies,
  input: {
    tenantId: string;
    contactId: string;
    today: CalendarDate;
    page: PageRequest;
  },
): Promise<StatementPage | undefined> {
  const [head, lines] = await Promise.all([
    readStatementHead(deps, input),
    deps.statements.readLinePage(input.tenantId, input.contactId, {
      ...input.page,
      newestFirst: true,
    }),
  ]);
  if (!head) return undefined;
  return {
    contact: head.contact,
    asOf: input.today,
    totals: statementTotalsOn(head.summary, head.rules),
    lines: statementLinesOn(lines.items, head.summary, head.rules),
    ...(lines.nextCursor ? { nextCursor: lines.nextCursor } : {}),
  };
}

export interface WholeStatement {
  contact: Contact;
  asOf: CalendarDate;
  totals: StatementTotals;
  /** Every line, oldest first, a Query page at a time. */
  pages: AsyncIterable<StatementLine[]>;
}

/**
 * The whole statement for an export: the totals now, then every line oldest first, one Query page at a time
 * (`pageSize` lines each), so a caller can write each page out before the next is read.
 */
export async function readWholeStatement(
  deps: StatementDependencies,
  input: { tenantId: string; contactId: string; today: CalendarDate; pageSize: number },
): Promise<WholeStatement | undefined> {
  const found = await readStatementHead(deps, input);
  if (!found) return undefined;
  const head = found;
  async function* pages(): AsyncGenerator<StatementLine[]> {
    let cursor: string | undefined;
    do {
      const page = await deps.statements.readLinePage(input.tenantId, input.contactId, {
        limit: input.pageSize,
        newestFirst: false,
        ...(cursor ? { cursor } : {}),
      });
      yield statementLinesOn(page.items, head.summary, head.rules);
      cursor = page.nextCursor;
    } while (cursor);
  }
  return {
    contact: head.contact,
    asOf: input.today,
    totals: statementTotalsOn(head.summary, head.rules),
    pages: pages(),
  };
}

export interface StatementPeriod {
  contact: Contact;
  /** Over the WHOLE statement, as of `today` (what is open now does not depend on the period). */
  totals: StatementTotals;
  /** The lines dated within the period (or all of them), oldest first. */
  lines: StatementLine[];
}

/** Lines a Query page reads when a caller wants every line of a period. */
const PERIOD_PAGE_LINES = 500;

/**
 * A payer's statement lines within a period (or all of them when `dates` is null), with the whole statement's
 * totals as of `today`: the header's GetItems and one Query on the statement's date index (a page at a time),
 * so the lines read grow with the period asked about, not with the payer's history. Ledger questions about a
 * payer read it here. `undefined` when the tenant has no such contact.
 */
export async function readStatementPeriod(
  deps: StatementDependencies,
  input: {
    tenantId: string;
    contactId: string;
    today: CalendarDate;
    dates: { from: CalendarDate; to: CalendarDate } | null;
  },
): Promise<StatementPeriod | undefined> {
  const head = await readStatementHead(deps, input);
  if (!head) return undefined;
  const lines: StatementLine[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.statements.readLinePage(input.tenantId, input.contactId, {
      limit: PERIOD_PAGE_LINES,
      newestFirst: false,
      ...(input.dates ? { dates: input.dates } : {}),
      ...(cursor ? { cursor } : {}),
    });
    lines.push(...statementLinesOn(page.items, head.summary, head.rules));
    cursor = page.nextCursor;
  } while (cursor);
  return { contact: head.contact, totals: statementTotalsOn(head.summary, head.rules), lines };
}

async function readStatementHead(
  deps: StatementDependencies,
  input: { tenantId: string; contactId: string; today: CalendarDate },
): Promise<StatementHead | undefined> {
  const [contact, profile, summary] = await Promise.all([
    deps.contacts.get(input.tenantId, input.contactId),
    deps.tenants.getProfile(input.tenantId),
    deps.statements.readSummary(input.tenantId, input.contactId),
  ]);
  if (!contact) return undefined;
  const settings = followUpSettingsOf(profile, deps.logger);
  return {
    contact,
    summary: summary ?? EMPTY_STATEMENT_SUMMARY,
    rules: {
      today: input.today,
      policy: profile?.interestPolicy ?? NO_LATE_CHARGES,
      extra: settings.extraHolidays,
    },
  };
}
