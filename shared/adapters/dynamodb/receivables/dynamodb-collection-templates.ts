import { ENTITY_ATTRIBUTE, primaryKey, withoutKeys } from '#adapters/dynamodb/keys/entity-keys';
import { attr, key } from '#adapters/dynamodb/keys/key-template';
import type { TableAccess } from '#adapters/dynamodb/table-access';
import type { CollectionTemplateStore } from '#application/ports/collection-emails';
import { ConcurrentModificationError } from '#application/ports/persistence-errors';
import { defaultTemplateVersion } from '#domain/collections/default-templates';
import type { EmailTemplateVersion } from '#domain/collections/email-template';
import { activeVersion } from '#domain/collections/email-template';
import type { EscalationDegree } from '#domain/collections/escalation';

/**
 * The tenant's collection e-mail templates: every version of every degree in one partition (versions are never
 * changed, only deactivated), so "the versions of a degree" is one Query. A tenant that never edited a degree
 * reads the built-in version 1.
 */
export const CollectionTemplateEntity = {
  name: 'CollectionEmailTemplate',
  primary: primaryKey(
    key('T', attr('tenantId'), 'EMAIL_TEMPLATES'),
    key('DEGREE', attr('degree'), 'V', attr('version')),
  ),
} as const;

/** Versions sort as text: padded so version 10 follows 9. */
function versionKey(version: number): string {
  return String(version).padStart(6, '0');
}

export class DynamoDbCollectionTemplates implements CollectionTemplateStore {
  constructor(private readonly table: TableAccess) {}

  async versions(tenantId: string, degree: EscalationDegree): Promise<EmailTemplateVersion[]> {
    const items = await this.table.query({
      partition: CollectionTemplateEntity.primary.pk.build({ tenantId }),
      sortKeyBeginsWith: CollectionTemplateEntity.primary.sk.prefix({ degree: String(degree) }),
      consistentRead: true,
    });
    const stored = items.map((item) => {
      const { tenantId: _tenant, ...version } = withoutKeys(item) as unknown as EmailTemplateVersion & {
        tenantId: string;
      };
      return version;
    });
    return stored.length > 0 ? stored : [defaultTemplateVersion(degree)];
  }

  async active(tenantId: string, degree: EscalationDegree): Promise<EmailTemplateVersion> {
    return activeVersion(await this.versions(tenantId, degree));
  }

  async saveEdit(
    tenantId: string,
    edit: { created: EmailTemplateVersion; deactivated: EmailTemplateVersion[] },
  ): Promise<void> {
    const item = (version: EmailTemplateVersion) => ({
      ...CollectionTemplateEntity.primary.key({
        tenantId,
        degree: String(version.degree),
        version: versionKey(version.version),
      }),
      [ENTITY_ATTRIBUTE]: CollectionTemplateEntity.name,
      tenantId,
      ...version,
    });
    const conflict = () =>
      new ConcurrentModificationError('CollectionEmailTemplate', edit.created.templateId);
    await this.table.write(undefined, (builder) => {
      builder.put(item(edit.created), {
        condition: { expression: 'attribute_not_exists(pk)' },
        onConditionFailed: conflict,
      });
      // The built-in version 1 is written (inactive) the first time, so the history is complete; a stored
      // version is deactivated only if still active (two concurrent edits: one wins, the other fails whole).
      for (const version of edit.deactivated) {
        builder.put(item(version), {
          condition: {
            expression: 'attribute_not_exists(pk) OR active = :active',
            values: { ':active': true },
          },
          onConditionFailed: conflict,
        });
      }
    });
  }
}
