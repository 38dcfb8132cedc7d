import { idKey, ReceivableAccountEntity } from '#adapters/dynamodb/entities/receivables';
import type { TableAccess } from '#adapters/dynamodb/table-access';
import type { CollectionEmailLog, LastEmailRecord } from '#application/ports/collection-emails';
import { PreconditionFailedError } from '#application/ports/persistence-errors';
import type { TransactionContext } from '#application/ports/unit-of-work';

/**
 * `CollectionEmailLog` on the account item (`lastEmail`), staged beside the e-mail's outbox item. The write is
 * conditional on the last e-mail the selection saw, so two campaigns racing on one account queue one e-mail.
 */
export class DynamoDbCollectionEmailLog implements CollectionEmailLog {
  constructor(private readonly table: TableAccess) {}

  async recordLastEmail(input: LastEmailRecord, tx: TransactionContext): Promise<void> {
    const key = ReceivableAccountEntity.primary.key({
      tenantId: input.tenantId,
      clientKey: idKey(input.clientId),
    });
    await this.table.write(tx, (builder) => {
      builder.update(key, {
        update: { expression: 'SET lastEmail = :last', values: { ':last': input.lastEmail } },
        condition: input.previousOutboxMessageId
          ? {
              expression: 'attribute_exists(pk) AND lastEmail.outboxMessageId = :previous',
              values: { ':previous': input.previousOutboxMessageId },
            }
          : { expression: 'attribute_exists(pk) AND attribute_not_exists(lastEmail)' },
        onConditionFailed: () =>
          new PreconditionFailedError(`account ${input.clientId}: its last e-mail changed meanwhile`),
      });
    });
  }
}
