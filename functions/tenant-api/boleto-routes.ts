import { boletoAging } from '#application/boletos/boleto-aging';
import { listBoletos } from '#application/boletos/list-boletos';
import { requestApiCharge } from '#application/boletos/request-api-charge';
import { cancelBoletoForOwner } from '#application/payments/cancel-boleto';
import type { BoletoStatus } from '#domain/boleto-status';
import { type CalendarDate, saoPauloDateOf } from '#domain/calendar-date';
import {
  AcceptedChargeView,
  AgingView,
  BoletoDetail,
  BoletoListQuery,
  BoletoView,
  CancelResultView,
  IdParams,
  NewBoletoBody,
  Problem,
  pageOf,
} from './api-schemas';
import { pageRequestOf } from './route-query';
import { notFound, ok, refuse } from './route-results';
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
    method: 'POST',
    path: '/v1/boletos',
    action: 'charge',
    tag: 'boletos',
    summary:
      "Charge a contact: the member's request is its own confirmation; issued at Paytime by the same create path as WhatsApp (send an Idempotency-Key)",
    body: NewBoletoBody,
    responses: {
      202: { description: 'Accepted: being issued at Paytime; poll the boleto', schema: AcceptedChargeView },
      404: problem('No such contact (or archived)'),
      422: problem('Refused: opted-out contact, due date in the past, amount above the limit'),
    },
    async handle(deps, { body, idempotencyKey, member }) {
      const result = await requestApiCharge(deps, {
        tenantId: deps.tenantId,
        memberId: member.username,
        requestKey: idempotencyKey ?? deps.ids.newId(),
        contactId: body.contactId,
        amountCents: body.amountCents,
        dueDate: body.dueDate as CalendarDate,
        ...(body.description ? { description: body.description } : {}),
      });
      if (result.outcome === 'refused')
        return refuse(
          result.status,
          result.status === 404 ? 'Not Found' : 'Unprocessable Content',
          result.detail,
        );
      return ok(
        202,
        {
          id: result.boletoId,
          requestId: result.requestId,
          status: 'requested',
          detail:
            'Accepted: the boleto is being issued at Paytime. It is not issued until GET /v1/boletos/{id} says so.',
        },
        { location: `/v1/boletos/${result.boletoId}` },
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
        requestedBy: `member:${member.username}`,
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
