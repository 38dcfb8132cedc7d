import type { CollectionTemplateStore } from '#application/ports/collection-emails';
import {
  activeVersion,
  type EmailTemplateVersion,
  nextTemplateVersion,
} from '#domain/collections/email-template';
import { ESCALATION_DEGREES, type EscalationDegree } from '#domain/collections/escalation';

/**
 * Edits a degree's collection e-mail template: the text is checked (`validateTemplateText`: known placeholders,
 * `{{faturas}}` in the body), the next version is written active and every other version deactivated, all or
 * nothing. Bad text → `InvalidInputError` and nothing changes; a concurrent edit → `ConcurrentModificationError`.
 */
export async function editCollectionTemplate(
  deps: { templates: CollectionTemplateStore; clock: { now(): Date } },
  input: { tenantId: string; degree: EscalationDegree; subject: string; body: string; editedBy: string },
): Promise<EmailTemplateVersion> {
  const versions = await deps.templates.versions(input.tenantId, input.degree);
  const edit = nextTemplateVersion(versions, {
    degree: input.degree,
    subject: input.subject,
    body: input.body,
    at: deps.clock.now().toISOString(),
    by: input.editedBy,
  });
  await deps.templates.saveEdit(input.tenantId, edit);
  return edit.created;
}

/** Per degree (1 to 4): its active version and how many versions it has (the built-in one counts). */
export async function collectionTemplatesOverview(
  deps: { templates: CollectionTemplateStore },
  tenantId: string,
): Promise<Array<{ active: EmailTemplateVersion; versions: number }>> {
  return Promise.all(
    ESCALATION_DEGREES.map(async (degree) => {
      const versions = await deps.templates.versions(tenantId, degree);
      return { active: activeVersion(versions), versions: versions.length };
    }),
  );
}
