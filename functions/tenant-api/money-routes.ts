import * as z from 'zod/mini';
import { entryCategoriser } from '#application/ledger/categorise-entry';
import { bookLedgerCorrection } from '#application/ledger-corrections/book-ledger-correction';
import { readStatementPage } from '#application/statements/read-statement';
import type { CalendarDate } from '#domain/calendar-date';
import { saoPauloDateOf } from '#domain/calendar-date';
import {
  ContactIdParams,
  IdParams,
  LedgerEntryView,
  LedgerQuery,
  LedgerReversalBody,
  LedgerReversalView,
  NewLedgerEntryBody,
  PageQuery,
  PaymentListQuery,
  PaymentView,
  Problem,
  pageOf,
  StatementQuery,
  StatementView,
} from './api-schemas';
import { pageRequestOf } from './route-query';
import { notFound, ok, refuse } from './route-results';
import { type Route, route } from './route-table';
import { ledgerEntryView, pageView, paymentView } from './views';

const problem = (description: string) => ({ description, schema: Problem });

export const MONEY_ROUTES: readonly Route[] = [
  route({
    method: 'GET',
    path: '/v1/payments',
    action: 'read',
    tag: 'payments',
    summary: "A contact's payments (partial ones included), by payment date",
    query: PaymentListQuery,
    responses: { 200: { description: 'A page of payments', schema: pageOf(PaymentView) } },
    async handle(deps, { query }) {
      const page = await deps.payments.listByContactPage(deps.tenantId, query.contact, pageRequestOf(query));
      return ok(200, pageView(page, paymentView));
    },
  }),
  route({
    method: 'GET',
    path: '/v1/ledger',
    action: 'read',
    tag: 'ledger',
    summary: "A month's ledger entries (income and expenses, corrections as reversals), by date",
    query: z.extend(PageQuery, LedgerQuery.shape),
    responses: { 200: { description: 'A page of entries', schema: pageOf(LedgerEntryView) } },
    async handle(deps, { query }) {
      const page = await deps.ledger.listMonthPage(deps.tenantId, query.month, pageRequestOf(query));
      return ok(200, pageView(page, ledgerEntryView));
    },
  }),
  route({
    method: 'POST',
    path: '/v1/ledger',
    action: 'book_ledger',
    tag: 'ledger',
    summary: 'Book an income or expense (the ledger is append-only; correct with a reversal)',
    body: NewLedgerEntryBody,
    responses: { 201: { description: 'The entry as booked', schema: LedgerEntryView } },
    async handle(deps, { member, body }) {
      const now = deps.clock.now();
      const description = body.description.trim();
      const category =
        body.category ??
        (await entryCategoriser(deps).categorise(deps.tenantId, body.kind, description)).category;
      const entry = {
        tenantId: deps.tenantId,
        entryId: deps.ids.newId(),
        kind: body.kind,
        date: (body.date ?? saoPauloDateOf(now)) as CalendarDate,
        amountCents: body.amountCents,
        category,
        description,
        recordedBy: member.username,
        createdAt: now.toISOString(),
      };
      await deps.ledger.add(entry);
      return ok(201, ledgerEntryView(entry));
    },
  }),
  route({
    method: 'POST',
    path: '/v1/ledger/{id}/reversal',
    action: 'book_ledger',
    tag: 'ledger',
    summary: 'Reverse a ledger entry (booked once: a second reversal of the same entry is a 409)',
    params: IdParams,
    body: LedgerReversalBody,
    responses: {
      201: { description: 'The entry and its reversal', schema: LedgerReversalView },
      404: problem('No entry with this id on this date'),
      409: problem('The entry was already corrected'),
    },
    async handle(deps, { member, params, body }) {
      const result = await bookLedgerCorrection(deps, {
        tenantId: deps.tenantId,
        entryId: params.id,
        date: body.date as CalendarDate,
        action: 'reverse',
        memberId: member.username,
      });
      if (result.outcome === 'not_found') return notFound('ledger entry on this date');
      if (result.outcome === 'already_corrected')
        return refuse(409, 'Conflict', 'This entry was already corrected; nothing was booked.');
      return ok(201, {
        original: ledgerEntryView(result.original),
        reversal: ledgerEntryView(result.reversal),
      });
    },
  }),
  route({
    method: 'GET',
    path: '/v1/statements/{contactId}',
    action: 'read',
    tag: 'statements',
    summary:
      "A payer's statement: totals over the whole statement (billed, paid, charges, open balance today, counts) and its latest lines (boletos on their due date, payments incl. partial ones on their date), newest first, paginated",
    params: ContactIdParams,
    query: StatementQuery,
    responses: {
      200: { description: 'The statement: totals and one page of lines', schema: StatementView },
      400: problem('Invalid cursor or limit'),
      404: problem('No such contact'),
    },
    async handle(deps, { params, query }) {
      const found = await readStatementPage(deps, {
        tenantId: deps.tenantId,
        contactId: params.contactId,
        today: saoPauloDateOf(deps.clock.now()),
        page: pageRequestOf(query),
      });
      if (!found) return notFound('contact');
      const { contact, asOf, totals, lines, nextCursor } = found;
      return ok(200, {
        contact: { id: contact.contactId, name: contact.name },
        asOf,
        totals,
        lines,
        nextCursor: nextCursor ?? null,
      });
    },
  }),
];
