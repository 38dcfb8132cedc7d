import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type {
  WebhookDelivery,
  WebhookDeliveryStore,
} from '../../../application/ports/webhook-delivery-store';
import { TableAccess } from '../table-access';
import { toWhatsAppDeliveryItem } from './whatsapp-delivery-entity';

class AlreadyStored extends Error {
  override readonly name = 'AlreadyStored';
}

/** The WhatsApp webhook's one DynamoDB request: a PutItem conditioned on the delivery not being there yet. */
export class DynamoDbWebhookDeliveryStore implements WebhookDeliveryStore {
  private readonly table: TableAccess;

  constructor(tableName: string, client?: DynamoDBDocumentClient) {
    this.table = new TableAccess(tableName, client);
  }

  async storeIfNew(delivery: WebhookDelivery): Promise<'stored' | 'duplicate'> {
    try {
      await this.table.write(undefined, (builder) =>
        builder.put(toWhatsAppDeliveryItem(delivery), {
          condition: { expression: 'attribute_not_exists(pk)' },
          onConditionFailed: () => new AlreadyStored(),
          onConflict: () => new AlreadyStored(),
        }),
      );
      return 'stored';
    } catch (error) {
      if (error instanceof AlreadyStored) return 'duplicate';
      throw error;
    }
  }
}
