import { boletoAging } from '#application/boletos/boleto-aging';
import { listBoletos } from '#application/boletos/list-boletos';
import { cancelBoletoForOwner } from '#application/payments/cancel-boleto';
import type { BoletoStatus } from '#domain/boleto-status';
import { type CalendarDate, saoPauloDateOf } from '#domain/calendar-date';
import {
  AgingView,
  BoletoDetail,
  BoletoListQuery,
  BoletoView,
  CancelResultView,
  IdParams,
  Problem,
  pageOf,
} from './api-schemas';
import { pageRequestOf } from './route-query';
import { notFound, ok } from './route-results';
import { type Route, route } from './route-table';
import { boletoDetailView, boletoView, pageView } from './views';

const problem = (description: string) => ({ description, schema: Problem });

export const BOLETO_ROUTES: readonly Route[] = [
  route({
    method: 'GET',
    path: '/v1/aging',
    action: 'read',
    tag: 'boletos',
    summary: 'What payers owe on payable boletos, current and by days overdue (0-30 … 120+), as of today',
    responses: { 200: { description: 'The aging', schema: AgingView } },
    async handle(deps) {
      return ok(
        200,
        await boletoAging(deps, { tenantId: deps.tenantId, today: saoPauloDateOf(deps.clock.now()) }),
      );
    },
  }),
  route({
    method: 'GET',
    path: '/v1/boletos',
    action: 'read',
    tag: 'boletos',
    summary:
      "List boletos by due date: a contact's boletos of every status (`contact`), else the open ones; filters narrow each page",
    query: BoletoListQuery,
    responses: { 200: { description: 'A page of boletos', schema: pageOf(BoletoView) } },
    async handle(deps, { query }) {
      const today = saoPauloDateOf(deps.clock.now());
      const page = await listBoletos(
        deps,
        {
          tenantId: deps.tenantId,
          today,
          ...(query.contact ? { contactId: query.contact } : {}),
          ...(query.dueFrom ? { dueFrom: query.dueFrom as CalendarDate } : {}),
          ...(query.dueTo ? { dueTo: query.dueTo as CalendarDate } : {}),
          ...(query.status ? { status: query.status as BoletoStatus } : {}),
          ...(query.overdue ? { overdue: query.overdue === 'true' } : {}),
        },
        pageRequestOf(query),
      );
      return ok(
        200,
        pageView(page, (boleto) => boletoView(boleto, today)),
      );
    },
  }),
  route({
    method: 'GET',
    path: '/v1/boletos/{id}',
    action: 'read',
    tag: 'boletos',
    summary: 'Read a boleto with its audit trail (who did what, when)',
    params: IdParams,
    responses: { 200: { description: 'The boleto', schema: BoletoDetail }, 404: problem('No such boleto') },
    async handle(deps, { params }) {
      const found = await deps.boletos.getWithHistory(deps.tenantId, params.id);
      if (!found) return notFound('boleto');
      return ok(200, boletoDetailView(found, saoPauloDateOf(deps.clock.now())));
    },
  }),
  route({
    method: 'POST',
    path: '/v1/boletos/{id}/cancel',
    action: 'cancel',
    tag: 'boletos',
    summary:
      'Cancel a boleto: at Paytime first, then here; a boleto paid meanwhile is not cancelled (the payment is recorded)',
    params: IdParams,
    responses: {
      200: {
        description: 'What happened: cancelled, already cancelled, or already paid',
        schema: CancelResultView,
      },
      404: problem('No such boleto'),
    },
    async handle(deps, { params, member }) {
      const result = await cancelBoletoForOwner(deps, {
        tenantId: deps.tenantId,
        boletoId: params.id,
        requestedBy: `member:${member.sub}`,
      });
      if (result.outcome === 'not_found') return notFound('boleto');
      const boleto = await deps.boletos.get(deps.tenantId, params.id);
      if (!boleto) return notFound('boleto');
      return ok(200, {
        id: boleto.id,
        outcome: result.outcome,
        contactNotified: result.contactNotified,
        boleto: boletoView(boleto, saoPauloDateOf(deps.clock.now())),
      });
    },
  }),
];
