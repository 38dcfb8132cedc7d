import { AgingUploadEntity } from '#adapters/dynamodb/entities/receivables';
import { ENTITY_ATTRIBUTE, withoutKeys } from '#adapters/dynamodb/keys/entity-keys';
import type { TableAccess } from '#adapters/dynamodb/table-access';
import type { AgingUpload, AgingUploads } from '#application/ports/aging-uploads';
import { PersistenceError } from '#application/ports/persistence-errors';
import type { AgingImportRequest } from '#application/ports/workflows';

/** The tenant's API uploads in one partition (`T#<tenant>#AR_UPLOADS`), one item each; ids are time-ordered. */
export class DynamoDbAgingUploads implements AgingUploads {
  constructor(private readonly table: TableAccess) {}

  async create(upload: AgingUpload): Promise<void> {
    const stored = await this.table.putIfAbsent(this.item(upload));
    if (stored === 'duplicate') throw new PersistenceError(`upload ${upload.importId} exists already`);
  }

  async get(tenantId: string, importId: string): Promise<AgingUpload | undefined> {
    const item = await this.table.get(AgingUploadEntity.primary.key({ tenantId, importId }), {
      consistentRead: true,
    });
    return item ? (withoutKeys(item) as unknown as AgingUpload) : undefined;
  }

  async markStarted(upload: AgingUpload, started: AgingImportRequest): Promise<AgingUpload> {
    try {
      await this.table.write(undefined, (builder) =>
        builder.put(this.item({ ...upload, started }), {
          condition: { expression: 'attribute_exists(pk) AND attribute_not_exists(started)' },
          onConditionFailed: () => new AlreadyStartedError(),
        }),
      );
    } catch (error) {
      // Started by an earlier call: its start is the answer.
      if (!(error instanceof AlreadyStartedError)) throw error;
    }
    const stored = await this.get(upload.tenantId, upload.importId);
    if (!stored) throw new PersistenceError(`upload ${upload.importId} vanished`);
    return stored;
  }

  async markBusy(tenantId: string, importId: string, at: Date): Promise<void> {
    const upload = await this.get(tenantId, importId);
    if (!upload || upload.busyAt) return;
    await this.table.write(undefined, (builder) =>
      builder.put(this.item({ ...upload, busyAt: at.toISOString() }), {
        condition: { expression: 'attribute_exists(pk)' },
      }),
    );
  }

  async list(tenantId: string): Promise<AgingUpload[]> {
    const items = await this.table.query({
      partition: AgingUploadEntity.primary.pk.build({ tenantId }),
      sortKeyBeginsWith: 'UPLOAD#',
      newestFirst: true,
    });
    return items.map((item) => withoutKeys(item) as unknown as AgingUpload);
  }

  private item(upload: AgingUpload) {
    return {
      ...AgingUploadEntity.primary.key({ tenantId: upload.tenantId, importId: upload.importId }),
      [ENTITY_ATTRIBUTE]: AgingUploadEntity.name,
      ...upload,
    };
  }
}

class AlreadyStartedError extends Error {
  constructor() {
    super('upload already started');
    this.name = 'AlreadyStartedError';
  }
}
