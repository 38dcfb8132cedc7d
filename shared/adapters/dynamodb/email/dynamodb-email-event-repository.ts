import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  addressKey,
  EmailAddressStatusEntity,
  EmailEventEntity,
} from '#adapters/dynamodb/entities/email-events';
import { ENTITY_ATTRIBUTE, withoutKeys } from '#adapters/dynamodb/keys/entity-keys';
import { TableAccess } from '#adapters/dynamodb/table-access';
import {
  EmailAddressAlreadyMarkedError,
  type EmailAddressState,
  type EmailEventRepository,
  type RecordedEmailEvent,
} from '#application/ports/email-event-repository';
import type { TransactionContext } from '#application/ports/unit-of-work';

/** `EmailEventRepository` on the single table (keys: `entities/email-events.ts`; docs/access-patterns.md). */
export class DynamoDbEmailEventRepository implements EmailEventRepository {
  private readonly table: TableAccess;

  constructor(tableName: string, client?: DynamoDBDocumentClient) {
    this.table = new TableAccess(tableName, client);
  }

  async record(event: RecordedEmailEvent): Promise<'recorded' | 'duplicate'> {
    const stored = await this.table.putIfAbsent({
      ...EmailEventEntity.primary.key({ ...event, recipientKey: addressKey(event.recipient) }),
      [ENTITY_ATTRIBUTE]: EmailEventEntity.name,
      ...event,
    });
    return stored === 'stored' ? 'recorded' : 'duplicate';
  }

  async eventsOf(tenantId: string, sesMessageId: string): Promise<RecordedEmailEvent[]> {
    const items = await this.table.query({
      partition: EmailEventEntity.primary.pk.build({ tenantId, sesMessageId }),
      sortKeyBeginsWith: EmailEventEntity.primary.sk.prefix({}),
    });
    return items
      .map((item) => withoutKeys(item) as unknown as RecordedEmailEvent)
      .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  }

  async addressState(tenantId: string, address: string): Promise<EmailAddressState | undefined> {
    const item = await this.table.get(
      EmailAddressStatusEntity.primary.key({ tenantId, addressKey: addressKey(address) }),
    );
    return item ? (withoutKeys(item) as unknown as EmailAddressState) : undefined;
  }

  async markAddress(state: EmailAddressState, tx: TransactionContext): Promise<void> {
    const weaker = state.status === 'suppressed' ? ' OR #status = :invalid' : '';
    await this.table.write(tx, (builder) =>
      builder.put(
        {
          ...EmailAddressStatusEntity.primary.key({
            tenantId: state.tenantId,
            addressKey: addressKey(state.address),
          }),
          [ENTITY_ATTRIBUTE]: EmailAddressStatusEntity.name,
          ...state,
        },
        {
          condition: {
            expression: `attribute_not_exists(pk)${weaker}`,
            ...(weaker ? { names: { '#status': 'status' }, values: { ':invalid': 'invalid' } } : {}),
          },
          onConditionFailed: () => new EmailAddressAlreadyMarkedError(state.address),
        },
      ),
    );
  }
}
