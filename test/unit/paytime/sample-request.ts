import type { CreateBoletoRequest } from '#application/ports/billing-provider';
import { calendarDate } from '#domain/calendar-date';

/** A complete, valid boleto request; tests override what they exercise. */
export function sampleRequest(overrides: Partial<CreateBoletoRequest> = {}): CreateBoletoRequest {
  return {
    commandKey: 'tenant-1#wamid.HBgNNTUxMTk4NzY1NDMyMRUCABIYFjNFQjBDNzM',
    amountCents: 15_000,
    dueDate: calendarDate('2026-12-10'),
    paymentLimitDate: calendarDate('2026-12-20'),
    payer: {
      name: '  João   da Silva ',
      taxId: '529.982.247-25',
      email: 'joao@example.com',
      phone: '+5511987654321',
    },
    description: 'Aulas de violão - dezembro',
    instructions: {
      fineBps: 200,
      monthlyInterestBps: 100,
      discount: { bps: 250, limitDate: calendarDate('2026-12-05') },
    },
    ...overrides,
  };
}
