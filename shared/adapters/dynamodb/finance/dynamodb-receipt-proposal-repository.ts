import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ENTITY_ATTRIBUTE, primaryKey, withoutKeys } from '#adapters/dynamodb/keys/entity-keys';
import { attr, key } from '#adapters/dynamodb/keys/key-template';
import { epochSeconds } from '#adapters/dynamodb/keys/time-to-live';
import { TableAccess } from '#adapters/dynamodb/table-access';
import { IRIS_TABLE } from '#adapters/dynamodb/table-design';
import {
  type ReceiptProposal,
  ReceiptProposalGoneError,
  type ReceiptProposalRepository,
} from '#application/ports/receipt-proposal-repository';
import type { TransactionContext } from '#application/ports/unit-of-work';
import type { E164 } from '#domain/phone-number';

/** The owner's one waiting receipt proposal: GetItem by owner; kept a day past its expiry, then TTL. */
export const ReceiptProposalEntity = {
  name: 'ReceiptProposal',
  primary: primaryKey(key('T', attr('tenantId'), 'RECEIPT_PROPOSAL', attr('ownerPhone')), key('WAITING')),
} as const;

const KEEP_AFTER_EXPIRY_SECONDS = 86_400;

export class DynamoDbReceiptProposalRepository implements ReceiptProposalRepository {
  private readonly table: TableAccess;

  constructor(tableName: string, client?: DynamoDBDocumentClient) {
    this.table = new TableAccess(tableName, client);
  }

  async save(proposal: ReceiptProposal, tx?: TransactionContext): Promise<void> {
    const item = {
      ...ReceiptProposalEntity.primary.key(proposal),
      [ENTITY_ATTRIBUTE]: ReceiptProposalEntity.name,
      ...JSON.parse(JSON.stringify(proposal)),
      [IRIS_TABLE.timeToLiveAttribute]: epochSeconds(new Date(proposal.answerBy)) + KEEP_AFTER_EXPIRY_SECONDS,
    };
    await this.table.write(tx, (builder) => builder.put(item));
  }

  async waiting(tenantId: string, ownerPhone: E164, now: Date): Promise<ReceiptProposal | undefined> {
    const item = await this.table.get(ReceiptProposalEntity.primary.key({ tenantId, ownerPhone }), {
      consistentRead: true,
    });
    if (!item) return undefined;
    const { [IRIS_TABLE.timeToLiveAttribute]: _ttl, ...rest } = withoutKeys(item);
    const proposal = rest as unknown as ReceiptProposal;
    return Date.parse(proposal.answerBy) > now.getTime() ? proposal : undefined;
  }

  async take(
    proposal: Pick<ReceiptProposal, 'tenantId' | 'ownerPhone' | 'proposalId'>,
    tx: TransactionContext,
  ): Promise<void> {
    await this.table.write(tx, (builder) =>
      builder.delete(ReceiptProposalEntity.primary.key(proposal), {
        condition: { expression: 'proposalId = :id', values: { ':id': proposal.proposalId } },
        onConditionFailed: () => new ReceiptProposalGoneError(proposal.proposalId),
      }),
    );
  }
}
