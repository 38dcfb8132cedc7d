import type { BoletoWithHistory } from '#application/ports/boleto-repository';
import type { Contact } from '#application/ports/contact-repository';
import type { LedgerEntry } from '#application/ports/ledger-repository';
import type { Page } from '#application/ports/page';
import type { Payment } from '#application/ports/payment-repository';
import { type Boleto, isOverdue } from '#domain/boleto';
import type { CalendarDate } from '#domain/calendar-date';

/** Domain objects as the API shows them (the shapes in `api-schemas.ts`). */

export function pageView<T, V>(page: Page<T>, view: (item: T) => V) {
  return { data: page.items.map(view), nextCursor: page.nextCursor ?? null };
}

export function contactView(contact: Contact) {
  return {
    id: contact.contactId,
    name: contact.name,
    phone: contact.phone,
    taxId: contact.taxId,
    ...(contact.email ? { email: contact.email } : {}),
    optedOut: contact.optedOut,
    archived: contact.archivedAt !== undefined,
    createdAt: contact.createdAt,
    ...(contact.updatedAt ? { updatedAt: contact.updatedAt } : {}),
  };
}

export function boletoView(boleto: Boleto, today: CalendarDate) {
  return {
    id: boleto.id,
    contactId: boleto.contactId,
    amountCents: boleto.amountCents,
    dueDate: boleto.dueDate,
    description: boleto.description,
    status: boleto.status,
    paidCents: boleto.paidCents,
    chargesPaidCents: boleto.chargesPaidCents,
    overdue: isOverdue(boleto, today),
    ...(boleto.paidOn ? { paidOn: boleto.paidOn } : {}),
    ...(boleto.provider
      ? {
          digitableLine: boleto.provider.digitableLine,
          barcode: boleto.provider.barcode,
          ...(boleto.provider.pdfUrl ? { pdfUrl: boleto.provider.pdfUrl } : {}),
          ...(boleto.provider.pixEmv ? { pixCopyPaste: boleto.provider.pixEmv } : {}),
        }
      : {}),
    ...(boleto.cancelReason ? { cancelReason: boleto.cancelReason } : {}),
    ...(boleto.failureReason ? { failureReason: boleto.failureReason } : {}),
    createdAt: boleto.createdAt,
    updatedAt: boleto.updatedAt,
  };
}

/** The boleto with its audit trail: state changes and activities, oldest first, each naming who acted. */
export function boletoDetailView(found: BoletoWithHistory, today: CalendarDate) {
  const entries = [
    ...found.events.map((event) => ({
      at: event.at,
      kind: event.type,
      actor: event.actor,
      from: event.from,
      to: event.to,
    })),
    ...found.activities.map((activity) => ({ at: activity.at, kind: activity.kind, actor: activity.actor })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return { ...boletoView(found.boleto, today), audit: entries };
}

export function paymentView(payment: Payment) {
  return {
    id: payment.paymentId,
    boletoId: payment.boletoId,
    contactId: payment.contactId,
    amountCents: payment.amountCents,
    paidOn: payment.paidOn,
  };
}

export function ledgerEntryView(entry: LedgerEntry) {
  return {
    id: entry.entryId,
    kind: entry.kind,
    date: entry.date,
    amountCents: entry.amountCents,
    category: entry.category,
    description: entry.description,
    ...(entry.boletoId ? { boletoId: entry.boletoId } : {}),
    ...(entry.corrects ? { corrects: entry.corrects } : {}),
    ...(entry.correction ? { correction: entry.correction } : {}),
    ...(entry.recordedBy ? { recordedBy: entry.recordedBy } : {}),
    createdAt: entry.createdAt,
  };
}
