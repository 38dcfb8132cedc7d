import { answerPaymentStatus } from '#application/owner-queries/answer-payment-status';
import { listReceivables } from '#application/owner-queries/list-receivables';
import type { OwnerQueryDependencies } from '#application/owner-queries/owner-query-dependencies';
import type { Clock } from '#application/ports/clock';
import { saoPauloDateOf } from '#domain/calendar-date';
import type { BoletoQueries } from './owner-commands';

/** "o João já pagou?" and "quem está devendo?", answered from the table by the owner-query use cases. */
export function boletoQueries(deps: OwnerQueryDependencies & { clock: Clock }): BoletoQueries {
  const today = () => saoPauloDateOf(deps.clock.now());
  return {
    async paymentStatus({ tenantId, contactName }) {
      if (!contactName) return 'De quem você quer saber? Ex.: "o João já pagou?"';
      return (await answerPaymentStatus(deps, { tenantId, contactName, today: today() })).text;
    },
    async receivables({ tenantId }) {
      return (await listReceivables(deps, { tenantId, today: today() })).text;
    },
  };
}
