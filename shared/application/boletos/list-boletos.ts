import type { BoletoListFilter, BoletoRepository } from '#application/ports/boleto-repository';
import type { Page, PageRequest } from '#application/ports/page';
import { type Boleto, isOverdue } from '#domain/boleto';
import type { BoletoStatus } from '#domain/boleto-status';
import type { CalendarDate } from '#domain/calendar-date';

export interface BoletoListRequest extends BoletoListFilter {
  tenantId: string;
  status?: BoletoStatus;
  /** Only boletos past their due date (true) or not (false), as of `today`. */
  overdue?: boolean;
  today: CalendarDate;
}

/**
 * One page of boletos by due date. With a contact: that contact's boletos of every status (the `byContact`
 * index); without: the tenant's open boletos (the sparse `openByDueDate` index). Status and overdue narrow
 * the page's items, so a page may hold fewer than `limit` items while `nextCursor` says more may follow.
 */
export async function listBoletos(
  deps: { boletos: Pick<BoletoRepository, 'listPage'> },
  request: BoletoListRequest,
  page: PageRequest,
): Promise<Page<Boleto>> {
  const { tenantId, contactId, dueFrom, dueTo } = request;
  const found = await deps.boletos.listPage(
    tenantId,
    { ...(contactId ? { contactId } : {}), ...(dueFrom ? { dueFrom } : {}), ...(dueTo ? { dueTo } : {}) },
    page,
  );
  const items = found.items.filter(
    (boleto) =>
      (request.status === undefined || boleto.status === request.status) &&
      (request.overdue === undefined || isOverdue(boleto, request.today) === request.overdue),
  );
  return { items, ...(found.nextCursor ? { nextCursor: found.nextCursor } : {}) };
}
