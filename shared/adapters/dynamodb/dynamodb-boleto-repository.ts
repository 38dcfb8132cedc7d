import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  type BoletoListFilter,
  type BoletoRepository,
  type BoletoWithHistory,
  DuplicateBoletoCommandError,
  DuplicateProviderBoletoError,
} from '#application/ports/boleto-repository';
import type { Page, PageRequest } from '#application/ports/page';
import { ConcurrentModificationError } from '#application/ports/persistence-errors';
import type { TransactionContext } from '#application/ports/unit-of-work';
import type { Boleto, BoletoChange, BoletoEvent } from '#domain/boleto';
import { sortActivities } from '#domain/boleto-activity';
import type { CalendarDate } from '#domain/calendar-date';
import { InvalidInputError } from '#domain/domain-error';
import { BoletoEntity, boletoKey, fromBoletoItem, toBoletoItem } from './entities/boleto';
import { BoletoActivityEntity, fromBoletoActivityItem } from './entities/boleto-activity';
import { BoletoCommandGuardEntity, toBoletoCommandGuardItem } from './entities/boleto-command-guard';
import { BoletoEventEntity, fromBoletoEventItem, toBoletoEventItem } from './entities/boleto-event';
import { BoletoProviderGuardEntity, toBoletoProviderGuardItem } from './entities/boleto-provider-guard';
import { ENTITY_ATTRIBUTE } from './keys/entity-keys';
import { endOfPrefix } from './keys/key-template';
import { TableAccess } from './table-access';
import type { TransactionBuilder } from './transaction/transaction-builder';

const NOT_EXISTS = { expression: 'attribute_not_exists(pk)' };

export class DynamoDbBoletoRepository implements BoletoRepository {
  private readonly table: TableAccess;

  constructor(tableName: string, client?: DynamoDBDocumentClient) {
    this.table = new TableAccess(tableName, client);
  }

  async create(change: BoletoChange, tx?: TransactionContext): Promise<void> {
    const { boleto, events } = change;
    checkEvents(boleto, events, 0);
    await this.table.write(tx, (builder) => {
      builder.put(toBoletoCommandGuardItem(boleto.tenantId, boleto.commandKey, boleto.id), {
        condition: NOT_EXISTS,
        onConditionFailed: () => new DuplicateBoletoCommandError(boleto.commandKey),
      });
      builder.put(toBoletoItem(boleto), {
        condition: NOT_EXISTS,
        onConditionFailed: () => new ConcurrentModificationError('Boleto', boleto.id),
        onConflict: () => new ConcurrentModificationError('Boleto', boleto.id),
      });
      this.stageEvents(builder, boleto, events);
    });
  }

  async update(change: BoletoChange, expectedVersion: number, tx?: TransactionContext): Promise<void> {
    const { boleto, events } = change;
    if (boleto.version === expectedVersion && events.length === 0) return;
    checkEvents(boleto, events, expectedVersion);
    const concurrent = () => new ConcurrentModificationError('Boleto', boleto.id);
    await this.table.write(tx, (builder) => {
      builder.put(toBoletoItem(boleto), {
        condition: {
          expression: 'version = :expectedVersion',
          values: { ':expectedVersion': expectedVersion },
        },
        onConditionFailed: concurrent,
        onConflict: concurrent,
      });
      this.stageEvents(builder, boleto, events);
    });
  }

  async get(
    tenantId: string,
    boletoId: string,
    options: { consistentRead?: boolean } = {},
  ): Promise<Boleto | undefined> {
    const item = await this.table.get(boletoKey(tenantId, boletoId), {
      consistentRead: options.consistentRead ?? true,
    });
    return item ? fromBoletoItem(item) : undefined;
  }

  async getWithHistory(tenantId: string, boletoId: string): Promise<BoletoWithHistory | undefined> {
    const items = await this.table.query({
      partition: BoletoEntity.primary.pk.build({ tenantId, boletoId }),
      consistentRead: true,
    });
    const boletoItem = items.find((item) => item[ENTITY_ATTRIBUTE] === BoletoEntity.name);
    if (!boletoItem) return undefined;
    const events = items
      .filter((item) => item[ENTITY_ATTRIBUTE] === BoletoEventEntity.name)
      .map(fromBoletoEventItem);
    const activities = sortActivities(
      items
        .filter((item) => item[ENTITY_ATTRIBUTE] === BoletoActivityEntity.name)
        .map(fromBoletoActivityItem),
    );
    return { boleto: fromBoletoItem(boletoItem), events, activities };
  }

  async findByCommandKey(tenantId: string, commandKey: string): Promise<Boleto | undefined> {
    const guard = await this.table.get(BoletoCommandGuardEntity.primary.key({ tenantId, commandKey }), {
      consistentRead: true,
    });
    return typeof guard?.boletoId === 'string' ? this.get(tenantId, guard.boletoId) : undefined;
  }

  async findByProviderId(tenantId: string, providerId: string): Promise<Boleto | undefined> {
    const guard = await this.table.get(BoletoProviderGuardEntity.primary.key({ tenantId, providerId }));
    return typeof guard?.boletoId === 'string' ? this.get(tenantId, guard.boletoId) : undefined;
  }

  async listByContact(tenantId: string, contactId: string): Promise<Boleto[]> {
    const index = BoletoEntity.byContact;
    const items = await this.table.query({
      index,
      partition: index.pk.build({ tenantId, contactId }),
      sortKeyBeginsWith: index.sk.prefix({}),
    });
    return items.map(fromBoletoItem);
  }

  async listOpen(
    tenantId: string,
    range: { dueFrom?: CalendarDate; dueTo?: CalendarDate } = {},
  ): Promise<Boleto[]> {
    const index = BoletoEntity.openByDueDate;
    const from = index.sk.prefix(range.dueFrom ? { dueDate: range.dueFrom } : {});
    const to = endOfPrefix(index.sk.prefix(range.dueTo ? { dueDate: range.dueTo } : {}));
    const items = await this.table.query({
      index,
      partition: index.pk.build({ tenantId }),
      sortKeyBetween: [from, to],
    });
    return items.map(fromBoletoItem);
  }

  async listPage(tenantId: string, filter: BoletoListFilter, page: PageRequest): Promise<Page<Boleto>> {
    const index = filter.contactId ? BoletoEntity.byContact : BoletoEntity.openByDueDate;
    const partition = filter.contactId
      ? BoletoEntity.byContact.pk.build({ tenantId, contactId: filter.contactId })
      : BoletoEntity.openByDueDate.pk.build({ tenantId });
    const from = index.sk.prefix(filter.dueFrom ? { dueDate: filter.dueFrom } : {});
    const to = endOfPrefix(index.sk.prefix(filter.dueTo ? { dueDate: filter.dueTo } : {}));
    const { items, nextCursor } = await this.table.queryPage(
      { index, partition, sortKeyBetween: [from, to], limit: page.limit },
      page.cursor,
    );
    return { items: items.map(fromBoletoItem), ...(nextCursor ? { nextCursor } : {}) };
  }

  /** Events are appended (never overwritten); a registration also claims the provider id. */
  private stageEvents(builder: TransactionBuilder, boleto: Boleto, events: readonly BoletoEvent[]): void {
    const perVersion = new Map<number, number>();
    for (const event of events) {
      const sequence = perVersion.get(event.version) ?? 0;
      perVersion.set(event.version, sequence + 1);
      builder.put(toBoletoEventItem(event, sequence), {
        condition: NOT_EXISTS,
        onConditionFailed: () => new ConcurrentModificationError('Boleto', boleto.id),
      });
      if (event.type === 'BoletoRegistered') {
        const providerId = event.data.providerId;
        builder.put(toBoletoProviderGuardItem(boleto.tenantId, providerId, boleto.id), {
          condition: {
            expression: 'attribute_not_exists(pk) OR boletoId = :boletoId',
            values: { ':boletoId': boleto.id },
          },
          onConditionFailed: () => new DuplicateProviderBoletoError(providerId),
        });
      }
    }
  }
}

/** Events must belong to this boleto and to versions after `expectedVersion`, up to the boleto's. */
function checkEvents(boleto: Boleto, events: readonly BoletoEvent[], expectedVersion: number): void {
  if (boleto.version <= expectedVersion) {
    throw new InvalidInputError(
      `boleto ${boleto.id} version ${boleto.version} is not after ${expectedVersion}`,
    );
  }
  for (const event of events) {
    if (event.boletoId !== boleto.id || event.tenantId !== boleto.tenantId) {
      throw new InvalidInputError(`event ${event.type} belongs to another boleto`);
    }
    if (event.version <= expectedVersion || event.version > boleto.version) {
      throw new InvalidInputError(`event ${event.type} has version ${event.version} outside the change`);
    }
  }
}
