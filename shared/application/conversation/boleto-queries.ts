import { answerPaymentStatus } from '#application/owner-queries/answer-payment-status';
import { listReceivables } from '#application/owner-queries/list-receivables';
import type { OwnerQueryDependencies } from '#application/owner-queries/owner-query-dependencies';
import type { Clock } from '#application/ports/clock';
import type { StatementProjection } from '#application/ports/statement-projection';
import { answerStatement } from '#application/statements/answer-statement';
import { saoPauloDateOf } from '#domain/calendar-date';
import type { BoletoQueries } from './owner-commands';

/** "o João já pagou?", "quem está devendo?" and "extrato do João", answered from the table by the owner-query use cases. */
export function boletoQueries(
  deps: OwnerQueryDependencies & { clock: Clock; statements: StatementProjection },
): BoletoQueries {
  const today = () => saoPauloDateOf(deps.clock.now());
  return {
    async paymentStatus({ tenantId, contactName }) {
      if (!contactName) return 'De quem você quer saber? Ex.: "o João já pagou?"';
      return (await answerPaymentStatus(deps, { tenantId, contactName, today: today() })).text;
    },
    async receivables({ tenantId }) {
      return (await listReceivables(deps, { tenantId, today: today() })).text;
    },
    statement({ tenantId, contactName }) {
      return answerStatement(deps, { tenantId, contactName, today: today() });
    },
  };
}
