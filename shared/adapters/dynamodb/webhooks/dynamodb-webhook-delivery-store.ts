import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TableAccess } from '#adapters/dynamodb/table-access';
import type { WebhookDelivery, WebhookDeliveryStore } from '#application/ports/webhook-delivery-store';
import { toWhatsAppDeliveryItem } from './whatsapp-delivery-entity';

/** The WhatsApp webhook's one DynamoDB request: a PutItem conditioned on the delivery not being there yet. */
export class DynamoDbWebhookDeliveryStore implements WebhookDeliveryStore {
  private readonly table: TableAccess;

  constructor(tableName: string, client?: DynamoDBDocumentClient) {
    this.table = new TableAccess(tableName, client);
  }

  async storeIfNew(delivery: WebhookDelivery): Promise<'stored' | 'duplicate'> {
    return this.table.putIfAbsent(toWhatsAppDeliveryItem(delivery));
  }
}
