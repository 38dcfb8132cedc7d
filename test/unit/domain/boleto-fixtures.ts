import {
  applyPayment,
  type Boleto,
  type BoletoProviderRef,
  type ChangeContext,
  markSent,
  type NewBoleto,
  registerBoleto,
  requestBoleto,
} from '#domain/boleto';
import { calendarDate } from '#domain/calendar-date';
import { DomainError } from '#domain/domain-error';

export const d = calendarDate;
export const owner: ChangeContext = {
  actor: { kind: 'owner', id: 'user-1' },
  at: '2026-11-23T12:00:00.000Z',
};
export const provider: ChangeContext = {
  actor: { kind: 'provider', id: 'paytime' },
  at: '2026-11-24T09:30:00.000Z',
};
export const system: ChangeContext = {
  actor: { kind: 'system', id: 'whatsapp-delivery' },
  at: '2026-11-23T12:05:00Z',
};

export const newBoleto: NewBoleto = {
  id: 'b-1',
  tenantId: 't-1',
  contactId: 'c-1',
  amountCents: 15000,
  dueDate: d('2026-12-10'),
  description: 'Aula de violão - dezembro',
  commandKey: 'wamid.ABC',
  today: d('2026-11-23'),
  maxAmountCents: 500000,
};

export const ref: BoletoProviderRef = {
  providerId: 'pt-123',
  digitableLine: '23793.38128 60000.000003 00000.000400 1 84340000015000',
  barcode: '23791843400000150003381260000000000000000040',
  pdfUrl: 'https://paytime.example/billets/pt-123.pdf',
  pixEmv: '00020126580014br.gov.bcb.pix',
};

export function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
}

export const requested = () => requestBoleto(newBoleto, owner).boleto;
export const registered = () => registerBoleto(requested(), ref, provider).boleto;
export const sent = () => markSent(registered(), 'whatsapp', system).boleto;
export const pay = (boleto: Boleto, paymentId: string, amountCents: number, chargesCents = 0) =>
  applyPayment(boleto, { paymentId, amountCents, chargesCents, paidOn: d('2026-12-10') }, provider);
