import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  type Contact,
  ContactNotFoundError,
  type ContactRepository,
  DuplicateContactPhoneError,
} from '#application/ports/contact-repository';
import type { Page, PageRequest } from '#application/ports/page';
import { ConcurrentModificationError } from '#application/ports/persistence-errors';
import type { TransactionContext } from '#application/ports/unit-of-work';
import type { E164 } from '#domain/phone-number';
import { ContactEntity, fromContactItem, toContactItem } from './entities/contact';
import { ContactPhoneGuardEntity, toContactPhoneGuardItem } from './entities/contact-phone-guard';
import { toWhatsAppUserLinkItem, whatsAppUserLinkKey } from './entities/whatsapp-user-link';
import { TableAccess } from './table-access';

const NOT_EXISTS = { expression: 'attribute_not_exists(pk)' };

export class DynamoDbContactRepository implements ContactRepository {
  private readonly table: TableAccess;

  constructor(tableName: string, client?: DynamoDBDocumentClient) {
    this.table = new TableAccess(tableName, client);
  }

  /** Contact + phone guard in one transaction, both conditional on not existing. */
  async create(contact: Contact, tx?: TransactionContext): Promise<void> {
    await this.table.write(tx, (builder) => {
      builder.put(toContactPhoneGuardItem(contact.tenantId, contact.phone, contact.contactId), {
        condition: NOT_EXISTS,
        onConditionFailed: () => new DuplicateContactPhoneError(contact.tenantId, contact.phone),
      });
      builder.put(toContactItem(contact), { condition: NOT_EXISTS });
    });
  }

  async update(contact: Contact, tx?: TransactionContext): Promise<void> {
    const current = await this.get(contact.tenantId, contact.contactId);
    if (!current) throw new ContactNotFoundError(contact.tenantId, contact.contactId);
    await this.table.write(tx, (builder) => {
      if (current.phone !== contact.phone) {
        builder.delete(
          ContactPhoneGuardEntity.primary.key({ tenantId: contact.tenantId, phone: current.phone }),
          {
            condition: { expression: 'contactId = :contactId', values: { ':contactId': contact.contactId } },
          },
        );
        builder.put(toContactPhoneGuardItem(contact.tenantId, contact.phone, contact.contactId), {
          condition: NOT_EXISTS,
          onConditionFailed: () => new DuplicateContactPhoneError(contact.tenantId, contact.phone),
        });
      }
      // The phone we read is still the contact's phone: a concurrent phone change cannot orphan a guard.
      builder.put(toContactItem(contact), {
        condition: { expression: 'phone = :phone', values: { ':phone': current.phone } },
        onConditionFailed: () => new ConcurrentModificationError('Contact', contact.contactId),
      });
    });
  }

  async remove(contact: Contact, tx?: TransactionContext): Promise<void> {
    const { tenantId, contactId, phone } = contact;
    await this.table.write(tx, (builder) => {
      builder.delete(ContactPhoneGuardEntity.primary.key({ tenantId, phone }), {
        condition: {
          expression: 'attribute_not_exists(pk) OR contactId = :contactId',
          values: { ':contactId': contactId },
        },
      });
      builder.delete(ContactEntity.primary.key({ tenantId, contactId }));
    });
  }

  async get(tenantId: string, contactId: string): Promise<Contact | undefined> {
    const item = await this.table.get(ContactEntity.primary.key({ tenantId, contactId }));
    return item ? fromContactItem(item) : undefined;
  }

  async findByPhone(tenantId: string, phone: E164): Promise<Contact | undefined> {
    const guard = await this.table.get(ContactPhoneGuardEntity.primary.key({ tenantId, phone }));
    if (typeof guard?.contactId !== 'string') return undefined;
    const contact = await this.get(tenantId, guard.contactId);
    return contact?.phone === phone ? contact : undefined;
  }

  async findByWhatsAppUserId(tenantId: string, whatsAppUserId: string): Promise<Contact | undefined> {
    const link = await this.table.get(whatsAppUserLinkKey(tenantId, whatsAppUserId, 'CONTACT'));
    return typeof link?.contactId === 'string' ? this.get(tenantId, link.contactId) : undefined;
  }

  async linkWhatsAppUserId(tenantId: string, contactId: string, whatsAppUserId: string): Promise<void> {
    await this.table.write(undefined, (builder) => {
      builder.update(ContactEntity.primary.key({ tenantId, contactId }), {
        update: { expression: 'SET whatsAppUserId = :userId', values: { ':userId': whatsAppUserId } },
        condition: { expression: 'attribute_exists(pk)' },
        onConditionFailed: () => new ContactNotFoundError(tenantId, contactId),
      });
      builder.put(toWhatsAppUserLinkItem(tenantId, whatsAppUserId, { personKind: 'CONTACT', contactId }));
    });
  }

  async list(tenantId: string): Promise<Contact[]> {
    const { pk, sk } = ContactEntity.primary;
    const items = await this.table.query({
      partition: pk.build({ tenantId }),
      sortKeyBeginsWith: sk.prefix({}),
    });
    return items.map(fromContactItem);
  }

  async listPage(tenantId: string, page: PageRequest): Promise<Page<Contact>> {
    const { pk, sk } = ContactEntity.primary;
    const { items, nextCursor } = await this.table.queryPage(
      { partition: pk.build({ tenantId }), sortKeyBeginsWith: sk.prefix({}), limit: page.limit },
      page.cursor,
    );
    return { items: items.map(fromContactItem), ...(nextCursor ? { nextCursor } : {}) };
  }
}
