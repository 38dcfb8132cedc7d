import type { BoletoRepository } from '#application/ports/boleto-repository';
import type { Clock } from '#application/ports/clock';
import { ConcurrentModificationError } from '#application/ports/persistence-errors';
import { markSent } from '#domain/boleto';
import { type OutboxMessage, subjectOf } from '#domain/outbox-message';

const MAX_ATTEMPTS = 3;

/**
 * A boleto moves from `registered` to `sent` when the message carrying it was handed to WhatsApp or SES.
 * Idempotent (a boleto already sent, paid or disputed is left as it is) and retried on a concurrent change.
 */
export async function markBoletoSent(
  deps: { boletos: BoletoRepository; clock: Clock },
  message: OutboxMessage,
): Promise<void> {
  if (message.kind !== 'boleto_to_contact' || !message.boletoId) return;
  // Only the message that carries the boleto (about it being payable), not a notice about its cancellation.
  if (subjectOf(message)?.holdsWhile !== 'boleto_payable') return;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const boleto = await deps.boletos.get(message.tenantId, message.boletoId);
    // Only a registered boleto becomes `sent`; a later message about a cancelled or paid one changes nothing.
    if (boleto?.status !== 'registered') return;
    const change = markSent(boleto, message.channel, {
      actor: { kind: 'system', id: `${message.channel}-delivery` },
      at: deps.clock.now().toISOString(),
    });
    if (change.events.length === 0) return;
    try {
      await deps.boletos.update(change, boleto.version);
      return;
    } catch (error) {
      if (!(error instanceof ConcurrentModificationError) || attempt === MAX_ATTEMPTS) throw error;
    }
  }
}
