import { isOpen } from '../../domain/boleto';
import { saoPauloDateOf } from '../../domain/calendar-date';
import { answerPaymentStatus } from '../owner-queries/answer-payment-status';
import { findContactByName, whichContactText } from '../owner-queries/find-contact';
import { listReceivables } from '../owner-queries/list-receivables';
import { cancelBoletoForOwner } from '../payments/cancel-boleto';
import type { PaymentDependencies } from '../payments/payment-dependencies';
import type { BoletoQueries } from './owner-commands';

/** The owner's boleto questions and "cancela o boleto do Pedro", over the owner-query and payment use cases. */
export function boletoQueries(deps: PaymentDependencies): BoletoQueries {
  const today = () => saoPauloDateOf(deps.clock.now());
  return {
    async paymentStatus({ tenantId, contactName }) {
      if (!contactName) return 'De quem você quer saber? Ex.: "o João já pagou?"';
      return (await answerPaymentStatus(deps, { tenantId, contactName, today: today() })).text;
    },
    async receivables({ tenantId }) {
      return (await listReceivables(deps, { tenantId, today: today() })).text;
    },
    async cancel({ tenantId, ownerPhone, contactName, messageId }) {
      if (!contactName) return 'De quem é o boleto que você quer cancelar? Ex.: "cancela o boleto do Pedro"';
      const lookup = await findContactByName(deps, tenantId, contactName);
      if (lookup.kind !== 'found') return whichContactText(contactName, lookup) ?? '';
      const open = (await deps.boletos.listByContact(tenantId, lookup.contact.contactId)).filter(isOpen);
      if (open.length === 0) return `${lookup.contact.name} não tem boleto em aberto.`;
      if (open.length > 1) {
        return `${lookup.contact.name} tem ${open.length} boletos em aberto. Por enquanto cancelo um por vez: veja em "quem está devendo?" e me diga o valor.`;
      }
      const [boleto] = open;
      if (!boleto) return `${lookup.contact.name} não tem boleto em aberto.`;
      const result = await cancelBoletoForOwner(deps, {
        tenantId,
        boletoId: boleto.id,
        requestedBy: ownerPhone,
      });
      deps.logger.info('owner cancelled a boleto', {
        boletoId: boleto.id,
        outcome: result.outcome,
        messageId,
      });
      return result.replyText;
    },
  };
}
