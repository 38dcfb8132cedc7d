import { describe, expect, it } from 'vitest';
import { boletoAging } from '#application/boletos/boleto-aging';
import type { Boleto } from '#domain/boleto';
import type { BoletoStatus } from '#domain/boleto-status';
import { calendarDate } from '#domain/calendar-date';

function aBoleto(
  id: string,
  dueDate: string,
  status: BoletoStatus,
  amountCents: number,
  paidCents = 0,
): Boleto {
  return {
    id,
    tenantId: 'acme',
    contactId: 'c1',
    amountCents,
    dueDate: calendarDate(dueDate),
    description: '',
    status,
    paidCents,
    chargesPaidCents: 0,
    paymentIds: [],
    version: 1,
    createdAt: '2026-01-01T12:00:00.000Z',
    updatedAt: '2026-01-01T12:00:00.000Z',
    commandKey: `k-${id}`,
  };
}

describe('boletoAging', () => {
  it('splits what payable boletos still owe into current and days-overdue buckets', async () => {
    const open = [
      aBoleto('not-due', '2026-12-20', 'sent', 10_000),
      aBoleto('late-5', '2026-11-30', 'sent', 20_000),
      aBoleto('late-45', '2026-10-21', 'registered', 30_000),
      aBoleto('late-200', '2026-05-19', 'disputed', 40_000),
      aBoleto('still-requested', '2026-11-01', 'requested', 99_999),
    ];
    const aging = await boletoAging(
      { boletos: { listOpen: async () => open } },
      { tenantId: 'acme', today: calendarDate('2026-12-05') },
    );
    expect(aging).toEqual({
      asOf: '2026-12-05',
      currentCents: 10_000,
      overdueCents: {
        days0To30: 20_000,
        days31To60: 30_000,
        days61To90: 0,
        days91To120: 0,
        daysOver120: 40_000,
      },
      totalCents: 100_000,
      boletoCount: 4,
    });
  });
});
