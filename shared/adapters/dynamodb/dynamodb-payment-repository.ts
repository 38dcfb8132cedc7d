import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Page, PageRequest } from '#application/ports/page';
import {
  DuplicatePaymentError,
  type Payment,
  type PaymentRepository,
} from '#application/ports/payment-repository';
import type { TransactionContext } from '#application/ports/unit-of-work';
import { fromPaymentItem, PaymentEntity, toPaymentItem } from './entities/payment';
import { toPaymentGuardItem } from './entities/payment-guard';
import { TableAccess } from './table-access';

const NOT_EXISTS = { expression: 'attribute_not_exists(pk)' };

export class DynamoDbPaymentRepository implements PaymentRepository {
  private readonly table: TableAccess;

  constructor(tableName: string, client?: DynamoDBDocumentClient) {
    this.table = new TableAccess(tableName, client);
  }

  async record(payment: Payment, tx?: TransactionContext): Promise<void> {
    const duplicate = () => new DuplicatePaymentError(payment.provider, payment.providerPaymentKey);
    await this.table.write(tx, (builder) => {
      builder.put(toPaymentGuardItem(payment), { condition: NOT_EXISTS, onConditionFailed: duplicate });
      builder.put(toPaymentItem(payment), { condition: NOT_EXISTS, onConditionFailed: duplicate });
    });
  }

  async listByBoleto(tenantId: string, boletoId: string): Promise<Payment[]> {
    const { pk, sk } = PaymentEntity.primary;
    const items = await this.table.query({
      partition: pk.build({ tenantId, boletoId }),
      sortKeyBeginsWith: sk.prefix({}),
    });
    return items.map(fromPaymentItem);
  }

  async listByContact(tenantId: string, contactId: string): Promise<Payment[]> {
    const index = PaymentEntity.byContact;
    const items = await this.table.query({
      index,
      partition: index.pk.build({ tenantId, contactId }),
      sortKeyBeginsWith: index.sk.prefix({}),
    });
    return items.map(fromPaymentItem);
  }

  async listByContactPage(tenantId: string, contactId: string, page: PageRequest): Promise<Page<Payment>> {
    const index = PaymentEntity.byContact;
    const { items, nextCursor } = await this.table.queryPage(
      {
        index,
        partition: index.pk.build({ tenantId, contactId }),
        sortKeyBeginsWith: index.sk.prefix({}),
        limit: page.limit,
      },
      page.cursor,
    );
    return { items: items.map(fromPaymentItem), ...(nextCursor ? { nextCursor } : {}) };
  }
}
