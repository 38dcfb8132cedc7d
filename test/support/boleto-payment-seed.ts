import type { BoletoRepository } from '#application/ports/boleto-repository';
import type { PaymentRepository } from '#application/ports/payment-repository';
import { applyPayment, type Boleto, registerBoleto, requestBoleto } from '#domain/boleto';
import { calendarDate } from '#domain/calendar-date';
import { aPayment, uniqueId } from './dynamodb-fixtures';

/**
 * A registered boleto of "Mensalidade" and its payments, stored as the webhook path stores them: each payment
 * applied to the boleto (a new version) and recorded as a Payment, so the stream's projectors (statement,
 * late payments) see both. `payments` are [amount, paid on]; fewer cents than the boleto's leave it partly paid.
 */
export async function seedBoletoWithPayments(
  repositories: { boletos: BoletoRepository; payments: PaymentRepository },
  input: {
    tenantId: string;
    contactId: string;
    amountCents: number;
    dueDate: string;
    payments: ReadonlyArray<readonly [number, string]>;
    /** The day it was issued (before its due date). */
    issuedOn: string;
  },
): Promise<Boleto> {
  const owner = { kind: 'owner' as const, id: 'ana' };
  const provider = { kind: 'provider' as const, id: 'paytime' };
  const requested = requestBoleto(
    {
      id: uniqueId('boleto'),
      tenantId: input.tenantId,
      contactId: input.contactId,
      amountCents: input.amountCents,
      dueDate: calendarDate(input.dueDate),
      description: 'Mensalidade',
      commandKey: uniqueId('command'),
      today: calendarDate(input.issuedOn),
      maxAmountCents: 1_000_000,
    },
    { actor: owner, at: `${input.issuedOn}T12:00:00.000Z` },
  );
  await repositories.boletos.create(requested);
  const billet = { providerId: uniqueId('billet'), digitableLine: '2'.repeat(47), barcode: '3'.repeat(44) };
  const registered = registerBoleto(requested.boleto, billet, {
    actor: provider,
    at: `${input.issuedOn}T12:01:00.000Z`,
  });
  await repositories.boletos.update(registered, requested.boleto.version);
  let boleto: Boleto = registered.boleto;
  for (const [amountCents, paidOn] of input.payments) {
    const paymentId = uniqueId('payment');
    const paid = applyPayment(
      boleto,
      { paymentId, amountCents, chargesCents: 0, paidOn: calendarDate(paidOn) },
      { actor: provider, at: `${paidOn}T15:00:00.000Z` },
    );
    await repositories.boletos.update(paid, boleto.version);
    await repositories.payments.record(
      aPayment(input.tenantId, {
        paymentId,
        boletoId: boleto.id,
        contactId: input.contactId,
        amountCents,
        paidOn: calendarDate(paidOn),
      }),
    );
    boleto = paid.boleto;
  }
  return boleto;
}
